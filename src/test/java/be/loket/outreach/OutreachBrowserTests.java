package be.loket.outreach;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import be.loket.support.Browser;
import be.loket.support.BrowserTestBase;
import be.loket.support.LoketTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A team lead records an agreement, uploads a rent-arrears list, previews and imports it; axe-core checks every page. */
@LoketTest
class OutreachBrowserTests extends BrowserTestBase {


    @Test
    void recordsAnAgreementUploadsPreviewsAndImportsAnAccessibleWay() {
        Page page = loggedIn("demo-teamlead");
        page.getByText("Partnerlijsten").first().click();
        page.waitForURL("**/outreach");
        Browser.assertAccessible(page);

        page.navigate("/outreach/agreements/new");
        Browser.assertAccessible(page);
        page.getByLabel("Partner", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Woonmaatschappij Demoland"));
        page.getByLabel("Doel", new Page.GetByLabelOptions().setExact(true)).fill("Huurders met achterstal tijdig contacteren");
        page.getByLabel("Rechtsgrond", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Taak van algemeen belang"));
        page.getByLabel("Huurachterstallen").check();
        page.getByLabel("Geldig vanaf").fill("2025-01-01");
        page.getByText("Opslaan").click();
        page.waitForURL("**/outreach/agreements");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("bewaard");
        Browser.assertAccessible(page);

        page.navigate("/outreach/uploads/new");
        Browser.assertAccessible(page);
        page.getByLabel("Overeenkomst").selectOption(new SelectOption().setLabel(
                "Woonmaatschappij Demoland – Huurders met achterstal tijdig contacteren"));
        page.getByLabel("Soort lijst").selectOption("RENT_ARREARS");
        byte[] csv = ("Naam;Voornaam;Geboortedatum;Achterstal;Maanden achterstal\n"
                + "Browser-Achterstal;Sam;09/09/1999;\"480,25\";2\nBrowser-Achterstal;Kim;10/10/2010;\"veel\";1\n")
                .getBytes(StandardCharsets.UTF_8);
        page.getByLabel("Bestand").setInputFiles(new FilePayload("browser-achterstal.csv", "text/csv", csv));
        page.getByText("Voorbeeld tonen").click();
        page.waitForURL("**/outreach/uploads/*");
        assertThat(page.locator("#row-errors")).containsText("„veel” is geen bedrag.");
        Browser.assertAccessible(page);

        page.getByText("Alleen de 1 rijen in orde inlezen").click();
        // A background job: its page refreshes its progress (htmx) until the link to the result appears.
        page.waitForURL("**/outreach/jobs/*");
        page.locator("#job-result").waitFor();
        assertThat(page.locator("#job-progress")).containsText("Klaar.");
        Browser.assertAccessible(page);
        page.locator("#job-result").click();
        page.waitForURL("**/outreach/imports/*");
        assertThat(page.locator("#rows-imported")).hasText("1");
        Browser.assertAccessible(page);

        page.navigate("/outreach/worklist");
        assertThat(page.locator("#worklist")).containsText("Sam Browser-Achterstal");
        assertThat(page.locator("#worklist")).containsText("€ 480,25");
        Browser.assertAccessible(page);

        page.navigate("/outreach/jobs");
        assertThat(page.locator("#jobs")).containsText("browser-achterstal.csv");
        Browser.assertAccessible(page);

        // The worklists of the demo data: one per right, with what is met and what is still to check.
        page.navigate("/outreach/worklists");
        assertThat(page.locator("#worklists")).containsText("Huurtoelage van Demodorp");
        Browser.assertAccessible(page);
        page.getByText("Huurtoelage van Demodorp").click();
        page.waitForURL("**/outreach/worklists/huurtoelage");
        assertThat(page.locator("#worklist-entries")).containsText("U staat op de wachtlijst voor een sociale woning");
        assertThat(page.locator("#worklist-entries")).containsText("U huurt uw woning");
        Browser.assertAccessible(page);

        page.navigate("/outreach/review");
        Browser.assertAccessible(page);
        assertThat(jdbc.sql("select count(*) from outreach_row where last_name = 'Browser-Achterstal'").query(Long.class).single())
                .isEqualTo(1);
    }
}

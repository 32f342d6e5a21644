package be.loket.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import be.loket.campaigns.CampaignFixture.Citizen;
import be.loket.person.People;
import be.loket.support.Browser;
import be.loket.support.BrowserTestBase;
import be.loket.support.LoketTest;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A small campaign from start to finish in the browser: three people by letter, two by SMS, one home visit;
 * the letter batch downloaded (three letters), outcomes logged, the effectiveness view right; axe-core on every page.
 */
@LoketTest
class CampaignBrowserTests extends BrowserTestBase {
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;

    @Test
    void aSmallCampaignFromWorklistToWhatWorks() throws Exception {
        var fx = new CampaignFixture(mvc, jdbc, users, people);
        List<Citizen> citizens = List.of(fx.citizen("Amal", CampaignFixture.unique("Brw"), null, null),
                fx.citizen("Bert", CampaignFixture.unique("Brw"), null, null),
                fx.citizen("Carla", CampaignFixture.unique("Brw"), null, null),
                fx.citizen("Daan", CampaignFixture.unique("Brw"), "0499 00 77 01", null),
                fx.citizen("Eline", CampaignFixture.unique("Brw"), "0499 00 77 02", null),
                fx.citizen("Fatma", CampaignFixture.unique("Brw"), null, null));
        fx.onArrearsList(citizens);
        List<String> methods = List.of("LETTER", "LETTER", "LETTER", "SMS", "SMS", "HOME_VISIT");

        Page page = loggedIn("demo-socialworker");
        page.locator("nav a[href='/campaigns']").click();
        page.waitForURL("**/campaigns");
        Browser.assertAccessible(page);

        page.getByText("Nieuwe campagne").click();
        page.waitForURL("**/campaigns/new");
        Browser.assertAccessible(page);
        page.locator("#worklists a[href*='rent-arrears']").click();
        page.waitForURL("**/campaigns/new?list=rent-arrears");
        Browser.assertAccessible(page);

        // Nobody picked: the form comes back with the reason, still accessible.
        page.getByText("Campagne starten").click();
        assertThat(page.locator("#methods-error")).containsText("Kies minstens één persoon");
        Browser.assertAccessible(page);
        page.getByLabel("Naam van de campagne").fill("Huurachterstal browser");
        page.getByLabel("Briefvarianten (niet verplicht)").fill("met OCMW-logo\nzonder logo");
        // Seed 001's experiment is the default: variant 1 with the logo, variant 2 without.
        assertThat(page.getByLabel("Variant 1", new Page.GetByLabelOptions().setExact(true))).hasValue("LOGO");
        assertThat(page.getByLabel("Variant 2", new Page.GetByLabelOptions().setExact(true))).hasValue("PLAIN");
        page.getByLabel("Wie bellen de mensen?").selectOption(new SelectOption().setLabel("Huurdersbond Demoland"));
        for (int i = 0; i < citizens.size(); i++) {
            page.getByLabel("Manier voor " + name(citizens.get(i)), new Page.GetByLabelOptions().setExact(true)).selectOption(methods.get(i));
        }
        page.getByText("Campagne starten").click();
        page.waitForURL(url -> url.matches(".*/campaigns/[0-9a-f-]{36}$"));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("De campagne is gestart.");
        assertThat(page.locator("#members tbody tr")).hasCount(6);
        assertThat(page.locator("#tasks")).containsText(name(citizens.get(5)));
        assertThat(page.locator("#variants")).containsText("zonder logo: zonder logo");
        Browser.assertAccessible(page);
        String campaignUrl = page.url();

        Download download = page.waitForDownload(() -> page.locator("#letter-batch").click());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            List<String> letters = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                letters.add(item.getTitle());
            }
            assertThat(letters).hasSize(3);
            for (Citizen c : citizens.subList(0, 3)) {
                assertThat(letters).anyMatch(t -> t.startsWith(name(c) + " – "));
            }
            assertThat(pdf.getNumberOfPages()).isEqualTo(6);
        }
        page.getByText("Verstuur de berichten (2)").click();
        page.waitForURL(campaignUrl);
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("Verstuurde berichten: 2.");
        Browser.assertAccessible(page);

        String today = LocalDate.now(ZoneId.of("Europe/Brussels")).toString();
        logAttempt(page, citizens.get(0), "LETTER", today, "", "MORNING", "APPLIED", "", true);
        logAttempt(page, citizens.get(3), "SMS", today, "14:00", "", "REACHED", "5", false);
        logAttempt(page, citizens.get(5), "HOME_VISIT", today, "18:00", "", "DOOR_CLOSED", "", false);
        logAttempt(page, citizens.get(5), "HOME_VISIT", today, "19:00", "", "REACHED", "30", false);
        assertThat(jdbc.sql("select count(*) from campaign_attempt a join campaign_member m on m.id = a.member_id where m.person_id = ?")
                .param(citizens.get(5).id()).query(Long.class).single()).isEqualTo(2);
        page.navigate(campaignUrl);
        assertThat(page.locator("#tasks")).hasCount(0);

        page.getByText("Wat werkt?").last().click();
        page.waitForURL("**/campaigns/effectiveness?campaign=*");
        assertThat(page.locator("#by-method tr[data-group=LETTER]")).containsText("1 van 3 (33 %)");
        assertThat(page.locator("#by-method tr[data-group=LETTER] td").nth(0)).hasText("3");
        assertThat(page.locator("#by-method tr[data-group=LETTER] td").nth(1)).hasText("1");
        assertThat(page.locator("#by-method tr[data-group=SMS] td").nth(2)).hasText("1 van 2 (50 %)");
        assertThat(page.locator("#by-method tr[data-group=SMS] td").nth(3)).hasText("0 van 2 (0 %)");
        assertThat(page.locator("#by-method tr[data-group=HOME_VISIT] td").nth(1)).hasText("2");
        assertThat(page.locator("#by-method tr[data-group=HOME_VISIT] td").nth(2)).hasText("1 van 1 (100 %)");
        assertThat(page.locator("#by-slot tr[data-group=EVENING] td").nth(1)).hasText("2");
        assertThat(page.locator("#by-slot tr[data-group=EVENING] td").nth(2)).hasText("1 van 1 (100 %)");
        assertThat(page.locator("#by-slot tr[data-group=MORNING] td").nth(3)).hasText("1 van 1 (100 %)");
        assertThat(page.locator("#by-variant tbody tr")).hasCount(2);
        Browser.assertAccessible(page);
    }

    private void logAttempt(Page page, Citizen c, String method, String date, String time, String slot, String outcome, String minutes,
            boolean checkAccessibility) {
        page.locator("#members").getByText(name(c)).click();
        page.waitForURL("**/people/*");
        if (checkAccessibility) {
            Browser.assertAccessible(page);
        }
        page.locator("#method").selectOption(method);
        page.locator("#date").fill(date);
        if (!time.isEmpty()) {
            page.locator("#time").fill(time);
        }
        page.locator("#slot").selectOption(slot);
        page.locator("#outcome").selectOption(outcome);
        page.locator("#duration").fill(minutes);
        page.getByText("Poging bewaren").click();
        page.waitForURL("**/people/*");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("De poging is bewaard.");
        if (checkAccessibility) {
            Browser.assertAccessible(page);
        }
        page.getByText("Terug naar de campagne").click();
        page.waitForURL(url -> url.matches(".*/campaigns/[0-9a-f-]{36}$"));
    }

    private static String name(Citizen c) {
        return c.first() + " " + c.last();
    }
}

package be.loket.person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import be.loket.support.Browser;
import be.loket.support.BrowserTestBase;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The front desk finds a citizen despite a typo and changes the phone number; another municipality sees nothing. */
@LoketTest
class PersonBrowserTests extends BrowserTestBase {

    @Test
    void frontDeskFindsMisspelledCitizenAndChangesPhone_otherMunicipalityGetsNotFound() {
        Page page = browser.newPage(base());
        page.navigate("/login");
        Browser.assertAccessible(page);
        Browser.logIn(page, "demo-frontdesk", "demo");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'demo-frontdesk'").query(Long.class).single())
                .as("the session is stored in the database").isPositive();

        page.navigate("/persons");
        Browser.assertAccessible(page);
        page.getByLabel("Naam, rijksregisternummer of geboortedatum").fill("Aise Oztruk");
        page.locator("form.search-form button[type=submit]").click();
        page.waitForURL("**/persons?q=*");
        var hit = page.locator("#results a", new Page.LocatorOptions().setHasText("Öztürk, Ayşe")).first();
        assertThat(hit).isVisible();
        Browser.assertAccessible(page);

        UUID id = DemoRecords.showcasePerson(jdbc);
        hit.click();
        page.waitForURL("**/persons/" + id);
        assertThat(page.locator("h1")).hasText("Ayşe Öztürk");
        Browser.assertAccessible(page);

        page.getByText("Wijzigen").first().click();
        assertThat(page.locator("h1")).containsText("Ayşe Öztürk");
        Browser.assertAccessible(page);
        page.getByLabel("Telefoon").fill("0499 00 77 66");
        page.getByText("Opslaan").click();
        page.waitForURL("**/persons/" + id);
        assertThat(page.locator("#person-phone")).hasText("0499 00 77 66");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("bewaard");

        Page other = loggedIn("demo-socialworker-v");
        Response response = other.navigate("/persons/" + id);
        assertThat(response.status()).isEqualTo(404);
        assertThat(other.locator("h1")).hasText("Niet gevonden");
        assertThat(other.content()).doesNotContain("Öztürk").doesNotContain("0499 00 77 66");
    }

    @Test
    void invalidFormShowsSpecificMessagesAndPassesAxe() {
        Page page = loggedIn("demo-frontdesk");
        page.navigate("/persons/new");
        Browser.assertAccessible(page);
        page.getByLabel("Achternaam").fill("Testpersoon");
        page.getByLabel("Rijksregisternummer").fill("85.07.30-033.29");
        page.getByText("Opslaan").click();
        assertThat(page.locator("#firstName-error")).hasText("Vul dit veld in.");
        assertThat(page.locator("#insz-error")).containsText("rijksregisternummer klopt niet");
        Browser.assertAccessible(page);
    }

    @Test
    void adminPagesAndSearchAsYouTypeWorkWithoutConsoleErrors() {
        Page page = browser.newPage(base());
        var errors = new java.util.ArrayList<String>();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                errors.add(m.text());
            }
        });
        Browser.logIn(page, "demo-admin", "demo");
        Browser.assertAccessible(page);
        page.navigate("/admin/users");
        Browser.assertAccessible(page);
        page.navigate("/admin/users/new");
        Browser.assertAccessible(page);
        page.navigate("/admin/organisations");
        Browser.assertAccessible(page);
        page.navigate("/admin/closing-days");
        Browser.assertAccessible(page);
        page.navigate("/persons");
        // htmx replaces the results while typing; a CSP violation would show up as a console error.
        page.getByLabel("Naam, rijksregisternummer of geboortedatum").pressSequentially("janssens", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator("#results table")).isVisible();
        assertThat(page.locator("#results")).containsText("Janssens");
        assertThat(errors).as("console errors (CSP violations among them)").isEmpty();
    }
}

package be.loket.eligibility;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import be.loket.support.Browser;
import be.loket.support.BrowserTestBase;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rights explorer (anonymous) and the rights check (staff) in a real browser, checked by axe-core. */
@LoketTest
class EligibilityBrowserTests extends BrowserTestBase {

    @Test
    void citizenExploresRightsWithoutLoggingIn() {
        long sessions = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
        Page page = browser.newPage(base());
        page.navigate("/explorer");
        Browser.assertAccessible(page);
        page.getByText("Demodorp").click();
        page.waitForURL("**/explorer/demodorp");
        assertThat(page.locator("h1")).hasText("Rechtenverkenner");
        Browser.assertAccessible(page);
        // Answer "yes" to yes/no questions and "I don't know" to the rest, until the result.
        for (int i = 0; i < 40 && page.locator("main form").count() > 0; i++) {
            if (page.locator("#answer-yes").count() > 0) {
                page.locator("#answer-yes").check();
                page.locator("main form button[type=submit]").first().click();
            } else {
                page.locator("main form button[name=skip]").click();
            }
            page.waitForLoadState();
            if (i == 1) {
                Browser.assertAccessible(page);
            }
        }
        assertThat(page.locator("h1")).hasText("Uw rechten");
        assertThat(page.locator("main")).containsText("Hier heeft u waarschijnlijk recht op");
        Browser.assertAccessible(page);
        assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single())
                .as("nothing stored for the anonymous citizen").isEqualTo(sessions);
    }

    @Test
    void socialWorkerRunsTheRightsCheck() {
        Page page = loggedIn("demo-socialworker");
        UUID id = DemoRecords.showcasePerson(jdbc);
        page.navigate("/persons/" + id);
        page.getByText("Rechtencheck").first().click();
        page.waitForURL("**/persons/" + id + "/rights");
        assertThat(page.locator("h1")).containsText("Rechtencheck van Ayşe Öztürk");
        Browser.assertAccessible(page);
        page.navigate("/catalog?q=waterfactuur");
        assertThat(page.locator("#results")).containsText("Afbetalingsplan met de watermaatschappij");
        Browser.assertAccessible(page);
        page.navigate("/catalog/huurtoelage");
        Browser.assertAccessible(page);
    }
}

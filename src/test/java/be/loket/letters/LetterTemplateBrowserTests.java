package be.loket.letters;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.loket.support.Browser;
import be.loket.support.BrowserTestBase;
import be.loket.support.LoketTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The administrator goes from the letters page (print queue) to the templates and the letterhead logo, checks a
 * text for readability; axe-core finds nothing on any page.
 */
@LoketTest
class LetterTemplateBrowserTests extends BrowserTestBase {

    @Test
    void administratorChecksATemplateForReadability() {
        Page page = loggedIn("demo-admin");
        page.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION).getByText("Brieven").click();
        assertThat(page.locator("h1")).hasText("Brieven om af te drukken");
        Browser.assertAccessible(page);
        page.getByText("Briefsjablonen").click();
        assertThat(page.locator("h1")).hasText("Briefsjablonen");
        Browser.assertAccessible(page);
        page.getByText("Logo op de brieven").click();
        assertThat(page.locator("h1")).hasText("Logo op de brieven");
        assertThat(page.getByAltText("Logo van Demodorp")).isVisible();
        Browser.assertAccessible(page);
        page.getByText("Briefsjablonen").click();
        page.getByText("Documenten gevraagd").click();
        assertThat(page.locator("h1")).containsText("Documenten gevraagd");
        Browser.assertAccessible(page);
        page.getByLabel("Tekst van de brief").fill("Beste {{firstName}},\n\nDerhalve vragen wij u de documenten te sturen.");
        page.getByText("Leesbaarheid controleren").click();
        assertThat(page.locator("section.alert.warning")).containsText("Moeilijk woord: „derhalve“. Schrijf liever: daarom.");
        Browser.assertAccessible(page);
    }
}

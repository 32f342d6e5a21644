package be.loket.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.loket.applications.ApplicationFixtures;
import be.loket.applications.Applications;
import be.loket.applications.StartApplication;
import be.loket.letters.LetterDispatch;
import be.loket.letters.LetterOrder;
import be.loket.person.People;
import be.loket.platform.SystemActor;
import be.loket.support.Browser;
import be.loket.support.BrowserTestBase;
import be.loket.support.CapturedMessages;
import be.loket.support.LoketTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every portal page on a phone-sized screen (360 × 740) in a real browser: no WCAG 2.1 AA violation
 * (axe-core), nothing wider than the screen, the error states included.
 */
@LoketTest
class PortalBrowserTests extends BrowserTestBase {
    @Autowired
    People people;
    @Autowired
    PersonalLinks links;
    @Autowired
    Applications applications;
    @Autowired
    LetterDispatch dispatch;
    @Autowired
    UserDetailsService users;

    static Page phone(Browser browser, String base) {
        Page page = browser.newPage(base);
        page.setViewportSize(360, 740);
        return page;
    }

    static void assertFitsAndAccessible(Page page) {
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on %s", page.url()).isTrue();
        Browser.assertAccessible(page);
    }

    /** Opens the personal link, asks the code, reads it from the captured e-mail and types it in. */
    static void logIn(Page page, String link, String email) {
        page.navigate(URI.create(link).getPath());
        assertThat(page.locator("h1")).hasText("Aanmelden");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stuur mij een code")).click();
        assertThat(page.locator("h1")).hasText("Typ uw code");
        page.getByLabel("Uw code van 6 cijfers").fill(CapturedMessages.lastCodeFor(email).orElseThrow());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanmelden")).click();
        page.waitForURL("**/portal/home");
    }

    @Test
    void everyPortalPageWorksOnAPhoneAndIsAccessible() throws Exception {
        var fx = new PortalFixture(null, jdbc, people, links);
        var apps = new ApplicationFixtures(applications, jdbc, users);
        UUID person = fx.citizen("demodorp", "Yasmina");
        UUID app = apps.as("demo-socialworker", () -> applications.start(new StartApplication(person, "huurtoelage", null)));
        SystemActor.runAs(fx.tenant("demodorp"), "portal-test", () -> dispatch.send(
                new LetterOrder(person, "proofs-requested", PortalTests.letterValues(), null, false)));
        String email = fx.emailOf(person);

        Page page = phone(browser, base());
        page.navigate("/portal/l/this-link-was-never-issued-by-loket");
        assertThat(page.locator("h1")).hasText("Deze link werkt niet meer");
        assertFitsAndAccessible(page);

        page.navigate(URI.create(fx.link("demodorp", person)).getPath());
        assertThat(page.locator("main")).containsText("We sturen de code naar uw e-mailadres y…@v….example.");
        assertFitsAndAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stuur mij een code")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("De code werkt 10 minuten.");
        assertFitsAndAccessible(page);
        String code = CapturedMessages.lastCodeFor(email).orElseThrow();
        page.getByLabel("Uw code van 6 cijfers").fill(code.equals("123456") ? "654321" : "123456");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanmelden")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Deze code klopt niet. Kijk de cijfers na. U kunt nog 4 keer proberen.");
        assertFitsAndAccessible(page);
        page.getByLabel("Uw code van 6 cijfers").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanmelden")).click();
        page.waitForURL("**/portal/home");
        assertThat(page.locator("h1")).hasText("Dag Yasmina");
        assertThat(page.locator("main")).containsText("Huurtoelage van Demodorp");
        assertFitsAndAccessible(page);

        Locator contract = page.locator(".proof").filter(new Locator.FilterOptions().setHasText("Uw huurcontract"));
        contract.getByLabel("Of kies een bestand").setInputFiles(new FilePayload("huurcontract.jpg", "image/jpeg", TestFiles.renamedProgram()));
        contract.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Versturen")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Dit bestand is een programma, geen foto of PDF.");
        assertFitsAndAccessible(page);
        contract = page.locator(".proof").filter(new Locator.FilterOptions().setHasText("Uw huurcontract"));
        contract.getByLabel("Maak een foto").setInputFiles(new FilePayload("foto.png", "image/png", TestFiles.image("png")));
        contract.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Versturen")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("We hebben uw document goed ontvangen.");
        assertThat(page.locator(".proof")).hasCount(3);
        assertFitsAndAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aanvragen").setExact(true)).click();
        assertThat(page.locator("main")).containsText("We zijn begonnen");
        assertThat(page.locator("main")).containsText("Uw huurcontract");
        assertFitsAndAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Brieven").setExact(true)).click();
        assertThat(page.locator("main")).containsText("We hebben nog documenten van u nodig (PDF)");
        assertFitsAndAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contact").setExact(true)).click();
        assertFitsAndAccessible(page);
        page.getByLabel("Hoe wilt u het liefst nieuws krijgen?").selectOption("SMS");
        page.getByLabel("Uw gsm-nummer").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bewaren")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Pas aan wat hieronder in het rood staat.");
        assertFitsAndAccessible(page);
        page.getByLabel("Uw gsm-nummer").fill("0470 11 22 33");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bewaren")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Bewaard.");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.locator("h1")).hasText("How do we reach you?");
        assertFitsAndAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Français")).click();
        assertThat(page.locator("h1")).hasText("Comment vous joindre ?");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nederlands")).click();

        page.navigate("/portal/letters/" + UUID.randomUUID());
        assertThat(page.locator("h1")).hasText("Niet gevonden");
        assertFitsAndAccessible(page);
        page.navigate("/portal/applications/" + app + "/proofs/not-a-proof");
        page.navigate("/portal/home");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afmelden")).click();
        assertThat(page.locator("h1")).hasText("U bent afgemeld");
        assertFitsAndAccessible(page);
        page.navigate("/portal/home");
        assertThat(page.locator("h1")).not().hasText("Dag Yasmina");
    }
}

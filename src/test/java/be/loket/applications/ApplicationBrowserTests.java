package be.loket.applications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.loket.support.Browser;
import be.loket.support.BrowserTestBase;
import be.loket.support.LoketTest;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * In a real browser: the worker starts a rent-allowance application from the citizen and accepts a proof,
 * the team lead grants it as the delegate and opens the payment list, a committee member plans a session;
 * axe-core finds no WCAG 2.1 AA violation on any of these pages.
 */
@LoketTest
class ApplicationBrowserTests extends BrowserTestBase {
    @Autowired
    Applications applications;
    @Autowired
    be.loket.committee.Committee committee;
    @Autowired
    UserDetailsService users;

    @Test
    void applicationDecisionPaymentListAndSessionPagesWorkAndAreAccessible() {
        var fx = new ApplicationFixtures(applications, jdbc, users);
        UUID ready = fx.readyApplication(fx.freshPerson());
        UUID person = fx.freshPerson();

        Page worker = loggedIn("demo-socialworker");
        worker.navigate("/persons/" + person);
        Browser.assertAccessible(worker);
        worker.getByText("Aanvraag starten").first().click();
        Browser.assertAccessible(worker);
        worker.getByLabel("Recht").selectOption("huurtoelage");
        worker.locator("form.stacked button[type=submit]").click();
        worker.waitForURL("**/applications/*");
        assertThat(worker.locator("h1")).containsText("Huurtoelage van Demodorp");
        assertThat(worker.locator("#application-status")).hasText("Ontwerp");
        Browser.assertAccessible(worker);
        worker.locator("tbody tr").first().getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Aanvaarden")).click();
        assertThat(worker.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("bewaard");
        assertThat(worker.locator("tbody tr").first()).containsText("Aanvaard");
        worker.locator("tbody tr").nth(1).getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Weigeren")).click();
        assertThat(worker.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("Vul dit veld in.");
        Browser.assertAccessible(worker);
        worker.navigate("/applications");
        Browser.assertAccessible(worker);
        worker.navigate("/applications/proposals");
        assertThat(worker.locator("h1")).hasText("Voorstellen om te bevestigen");
        Browser.assertAccessible(worker);

        Page lead = loggedIn("demo-teamlead");
        lead.navigate("/applications/" + ready);
        Browser.assertAccessible(lead);
        lead.getByText("Beslissen").first().click();
        lead.waitForURL("**/decide");
        Browser.assertAccessible(lead);
        lead.getByText("Beslissing noteren").click();
        lead.waitForURL("**/applications/" + ready);
        assertThat(lead.locator("#application-status")).hasText("Toegekend");
        assertThat(lead.locator("#grant-title")).isVisible();
        Browser.assertAccessible(lead);
        lead.navigate("/applications/payments?right=huurtoelage&month=" + LocalDate.now().toString().substring(0, 7));
        assertThat(lead.locator("main")).containsText("Betaaldag");
        Browser.assertAccessible(lead);

        Page member = loggedIn("demo-committee");
        member.navigate("/committee");
        Browser.assertAccessible(member);
        member.getByLabel("Leden").fill("Marc Dewilde (voorzitter)\nGriet Van Hoorebeke");
        member.getByText("Zitting plannen", new Page.GetByTextOptions().setExact(true)).last().click();
        member.waitForURL("**/committee/sessions/*");
        Browser.assertAccessible(member);
        member.getByText("Notulen").first().click();
        assertThat(member.locator("main")).containsText("Aanwezig: Marc Dewilde (voorzitter), Griet Van Hoorebeke.");
        Browser.assertAccessible(member);
    }

    @Test
    void aBcsdSessionWithItsAgendaAndDecisionsIsAccessible() {
        var fx = new ApplicationFixtures(applications, jdbc, users);
        UUID ready = fx.readyApplication(fx.freshPerson());
        fx.run("demo-teamlead", () -> committee.setRoute("huurtoelage", "BCSD"));
        try {
            Page member = loggedIn("demo-committee");
            member.navigate("/committee");
            member.getByLabel("Leden").fill("Marc Dewilde (voorzitter)\nAnnelies Verbruggen");
            member.getByText("Zitting plannen", new Page.GetByTextOptions().setExact(true)).last().click();
            member.waitForURL("**/committee/sessions/*");
            member.getByText("Agenda aanvullen met de aanvragen die klaar zijn").click();
            assertThat(member.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("op de agenda gezet");
            Browser.assertAccessible(member);
            var item = member.locator("main section").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHas(member.locator("a[href$='/applications/" + ready + "']")));
            assertThat(item).containsText("Alleenstaande moeder, huur weegt zwaar door.");
            assertThat(item).containsText("Berekend bedrag: € 70,00 per maand");
            item.getByText("Beslissing noteren").click();
            assertThat(member.getByRole(com.microsoft.playwright.options.AriaRole.STATUS).first()).containsText("bewaard");
            Browser.assertAccessible(member);
            member.getByText("Notulen").first().click();
            assertThat(member.locator("main")).containsText("Beslissing: toegekend, € 70,00 per maand");
            Browser.assertAccessible(member);
        } finally {
            fx.run("demo-teamlead", () -> committee.setRoute("huurtoelage", "DELEGATED"));
        }
    }
}

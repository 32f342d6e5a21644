package be.loket.dossier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.loket.support.Browser;
import be.loket.support.BrowserTestBase;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The walk-through of issue 3: the front desk registers a walk-in with a water-bill question and opens a
 * dossier for demo-socialworker, who shares it with debt mediation; demo-partner adds a step; the owner
 * sees it marked as new. axe-core checks every page on the way.
 */
@LoketTest
class DossierBrowserTests extends BrowserTestBase {

    @Test
    void walkInToSharedDossierWithPartnerStepMarkedNewForTheOwner() {
        UUID ayse = DemoRecords.showcasePerson(jdbc);

        // Front desk: register the walk-in and open a dossier for Samira.
        Page desk = loggedIn("demo-frontdesk");
        desk.navigate("/intake");
        Browser.assertAccessible(desk);
        desk.getByText("Nieuw contact registreren").click();
        desk.getByLabel("Naam, rijksregisternummer of geboortedatum").fill("Öztürk");
        desk.locator("form.search-form button[type=submit]").click();
        Browser.assertAccessible(desk);
        desk.locator("a", new Page.LocatorOptions().setHasText("Ayşe Öztürk · 12/03/1984")).first().click();
        assertThat(desk.locator("h1")).hasText("Nieuwe vraag van Ayşe Öztürk");
        Browser.assertAccessible(desk);
        desk.getByLabel("Kanaal").selectOption(new SelectOption().setLabel("Aan de balie"));
        desk.getByLabel("Water", new Page.GetByLabelOptions().setExact(true)).check();
        desk.getByLabel("Vraag", new Page.GetByLabelOptions().setExact(true)).fill("Mijn waterfactuur is veel te hoog, ik kan ze niet betalen.");
        desk.getByLabel("Wat is er gedaan?").selectOption(new SelectOption().setLabel("Dossier geopend of aangevuld"));
        desk.getByText("Registreren", new Page.GetByTextOptions().setExact(true)).click();
        desk.waitForURL("**/dossiers/new?contact=*");
        assertThat(desk.locator("h1")).hasText("Dossier openen voor Ayşe Öztürk");
        Browser.assertAccessible(desk);
        desk.getByLabel("Eigenaar").selectOption(new SelectOption().setLabel("Samira Bouhaddi"));
        desk.getByText("Dossier openen", new Page.GetByTextOptions().setExact(true)).last().click();
        desk.waitForURL("**/persons/" + ayse);
        assertThat(desk.locator("#dossiers")).containsText("Samira Bouhaddi");
        Browser.assertAccessible(desk);

        // Samira: finds it in My work and shares it with debt mediation.
        Page owner = loggedIn("demo-socialworker");
        owner.navigate("/dossiers");
        Browser.assertAccessible(owner);
        owner.locator("#my-work a", new Page.LocatorOptions().setHasText("Ayşe Öztürk")).click();
        assertThat(owner.locator("h1")).hasText("Dossier van Ayşe Öztürk");
        assertThat(owner.locator("ol.timeline")).containsText("Mijn waterfactuur is veel te hoog");
        Browser.assertAccessible(owner);
        owner.getByLabel("Partnerorganisatie").selectOption(new SelectOption().setLabel("Schuldbemiddeling CAW Demoland"));
        owner.getByLabel("Doel van het delen").fill("Schuldbemiddeling voor de waterfactuur");
        owner.getByText("Delen", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(owner.locator("main")).containsText("Schuldbemiddeling CAW Demoland, voor Schuldbemiddeling voor de waterfactuur");
        owner.getByLabel("Wat is er gebeurd?").fill("Intern: de cliënt vertelde over spanningen thuis.");
        owner.getByText("Stap toevoegen", new Page.GetByTextOptions().setExact(true)).last().click();
        Browser.assertAccessible(owner);
        String dossierUrl = owner.url();

        // The partner: sees the shared dossier without the internal step, and adds a step.
        Page partner = loggedIn("demo-partner");
        partner.navigate("/dossiers");
        Browser.assertAccessible(partner);
        partner.locator("#my-work a", new Page.LocatorOptions().setHasText("Ayşe Öztürk")).click();
        assertThat(partner.locator("h1")).hasText("Dossier van Ayşe Öztürk");
        assertThat(partner.locator("main")).not().containsText("spanningen thuis");
        assertThat(partner.locator("main")).not().containsText("Mijn waterfactuur is veel te hoog");
        Browser.assertAccessible(partner);
        partner.getByLabel("Wat is er gebeurd?").fill("Afbetalingsplan met de waterleverancier opgesteld.");
        partner.getByText("Stap toevoegen", new Page.GetByTextOptions().setExact(true)).last().click();
        assertThat(partner.locator("ol.timeline")).containsText("Afbetalingsplan met de waterleverancier opgesteld.");

        // The owner sees the partner's step marked as new, on her list and in the timeline.
        owner.navigate("/dossiers");
        Locator row = owner.locator("#my-work tr", new Page.LocatorOptions().setHasText("Ayşe Öztürk"));
        assertThat(row.locator(".unseen")).hasText("1 nieuw");
        Browser.assertAccessible(owner);
        owner.navigate(dossierUrl);
        Locator newStep = owner.locator("ol.timeline li.unseen");
        assertThat(newStep).hasCount(1);
        assertThat(newStep).containsText("Afbetalingsplan met de waterleverancier opgesteld.");
        assertThat(newStep).containsText("Nieuw");
        Browser.assertAccessible(owner);
        owner.navigate("/dossiers");
        assertThat(owner.locator("#my-work tr", new Page.LocatorOptions().setHasText("Ayşe Öztürk")).locator(".unseen")).hasCount(0);
    }
}

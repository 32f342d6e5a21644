package be.loket.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.dossier.Dossiers;
import be.loket.dossier.OpenDossier;
import be.loket.person.People;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Done when (issue 6): the housing company's waiting list as a spreadsheet program on Windows exports it
 * (Windows-1252, semicolons, CRLF, quoted fields, decimal commas, accented names) with four broken rows.
 * The broken rows are named by line, nothing is imported until the user chooses; after the choice the
 * huurtoelage worklist shows the people the rights engine finds possibly entitled, with what they already
 * meet and what is still to check in plain words; the same file again changes nothing.
 */
@LoketTest
class HuurtoelageWorklistTests extends WebTestBase {
    @Autowired
    People people;
    @Autowired
    Worklists worklists;
    @Autowired
    Dossiers dossiers;
    OutreachFixture fx;

    @BeforeEach
    void fixture() {
        fx = new OutreachFixture(mvc, jdbc, users, people);
    }

    @Test
    void theWaitingListFillsTheHuurtoelageWorklistOnceAndOnlyAfterTheUserChooses() throws Exception {
        UUID francoise = fx.citizen("Françoise", "Dupré", "1984-03-12", "84031261237", "Kerkstraat", "12");
        UUID jeanPierre = fx.citizen("Jean-Pierre", "Lefèvre", "1969-08-27", "69082733569", "Stationsstraat", "3");
        UUID zoe = fx.citizen("Zoë", "Vanhoecke", "1991-11-05", "91110548493", "Beukenlaan", "8");
        UUID noel = fx.citizen("Noël", "Maréchal", "1958-06-19", "58061917332", "Populierenlaan", "21");
        UUID dossier = SystemActor.runAs(fx.tenant(), "outreach-test", () -> dossiers.open(new OpenDossier(noel,
                DemoRecords.user(jdbc, "demo-socialworker"), null, List.of("HOUSING"))));
        UUID agreement = fx.agreement("SOCIAL_HOUSING_COMPANY", ListType.WAITING_LIST);
        byte[] file = PartnerListParsingTests.fixture("waiting-list-huurtoelage-cp1252.csv");
        long facts = fx.count("outreach_fact");
        long entries = fx.count("outreach_right_entry");

        UUID upload = fx.upload(agreement, ListType.WAITING_LIST, "Wachtlijst huurtoelage.csv", file);
        mvc.perform(get("/outreach/uploads/" + upload).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("8 rijen gelezen (CSV, tekenset windows-1252, scheidingsteken ;)")))
                .andExpect(content().string(Matchers.containsString("Françoise")))
                .andExpect(content().string(Matchers.containsString("8 rijen gelezen: 4 in orde, 4 met fouten.")))
                .andExpect(content().string(Matchers.containsString("„84.03.12-612.00” is geen geldig rijksregisternummer.")))
                .andExpect(content().string(Matchers.containsString("„29/02/2023” is geen bestaande datum.")))
                .andExpect(content().string(Matchers.containsString("Dit verplichte veld is leeg.")))
                .andExpect(content().string(Matchers.containsString("„?” is geen ja of nee.")));
        // Line numbers as the spreadsheet shows them: the header is line 1, the broken rows are lines 6 to 9.
        String page = mvc.perform(get("/outreach/uploads/" + upload).with(Staff.as(users, "demo-socialworker")))
                .andReturn().getResponse().getContentAsString();
        for (int line = 6; line <= 9; line++) {
            assertThat(page).containsPattern("<td>" + line + "</td>");
        }

        // "Import all" is refused in the background job: nothing saved, the reason shown.
        UUID refused = fx.startImport(upload, "ALL");
        assertThat(fx.awaitJob(refused)).isEqualTo("REFUSED");
        mvc.perform(get("/outreach/jobs/" + refused).with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.containsString("4 rijen hebben fouten. Er is niets ingelezen")));
        assertThat(fx.count("outreach_fact")).isEqualTo(facts);
        assertThat(fx.count("outreach_right_entry")).isEqualTo(entries);

        UUID job = fx.startImport(upload, "VALID_ONLY");
        assertThat(fx.awaitJob(job)).isEqualTo("DONE");
        mvc.perform(get("/outreach/jobs/" + job).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Klaar.")))
                .andExpect(content().string(Matchers.containsString("4 van 4 rijen gekoppeld en bewaard")))
                .andExpect(content().string(Matchers.containsString("4 van 4 burgers nagekeken op hun rechten")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("hx-trigger"))));

        List<WorklistEntry> list = asWorker(() -> worklists.entries("huurtoelage", Locale.forLanguageTag("nl")));
        // Jean-Pierre gets the Flemish rent premium and Zoë owns real estate: the rules exclude them.
        assertThat(list).extracting(WorklistEntry::personId).contains(francoise, noel).doesNotContain(jeanPierre, zoe);
        WorklistEntry hers = list.stream().filter(e -> e.personId().equals(francoise)).findFirst().orElseThrow();
        assertThat(hers.kind()).isEqualTo(WorklistEntry.Kind.POSSIBLY);
        assertThat(hers.personName()).isEqualTo("Françoise Dupré");
        assertThat(hers.listKey()).isEqualTo("huurtoelage");
        assertThat(hers.status()).isEqualTo(WorklistEntry.Status.OPEN);
        assertThat(hers.dossierId()).isNull();
        assertThat(hers.alreadyMeets()).containsExactly("U woont in Demodorp", "U staat op de wachtlijst voor een sociale woning",
                "U bezit geen woning of grond");
        assertThat(hers.stillToCheck()).containsExactly("U huurt uw woning",
                "Uw huur (€ 685,50) is hoger dan een derde van uw inkomen",
                "Uw jaarinkomen is niet hoger dan 1,75 keer het leefloon van uw gezinstype",
                "U krijgt geen Vlaamse huurpremie of huursubsidie",
                "Uw spaargeld staat de toelage niet in de weg (oordeel van de maatschappelijk werker)");
        WorklistEntry his = list.stream().filter(e -> e.personId().equals(noel)).findFirst().orElseThrow();
        assertThat(his.dossierId()).isEqualTo(dossier);
        assertThat(his.stillToCheck()).contains("Uw huur (€ 1.020,75) is hoger dan een derde van uw inkomen");
        assertThat(asWorker(() -> worklists.lists(Locale.forLanguageTag("nl"))))
                .anySatisfy(l -> {
                    assertThat(l.key()).isEqualTo("huurtoelage");
                    assertThat(l.name()).isEqualTo("Huurtoelage van Demodorp");
                    assertThat(l.open()).isGreaterThanOrEqualTo(2);
                });

        // The page: in the worker's language, with the dossier link.
        mvc.perform(get("/outreach/worklists").with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/outreach/worklists/huurtoelage")));
        mvc.perform(get("/outreach/worklists/huurtoelage").with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Françoise Dupré")))
                .andExpect(content().string(Matchers.containsString("Heeft misschien recht")))
                .andExpect(content().string(Matchers.containsString("U bezit geen woning of grond")))
                .andExpect(content().string(Matchers.containsString("/dossiers/" + dossier)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Lefèvre"))));
        mvc.perform(get("/outreach/worklists/huurtoelage").header("Accept-Language", "fr").with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.containsString("Vous êtes locataire")))
                .andExpect(content().string(Matchers.containsString("Vous ne possédez ni logement ni terrain")));

        // The same file again: the job ends at the earlier import and nothing changes.
        long rows = fx.count("outreach_row");
        facts = fx.count("outreach_fact");
        entries = fx.count("outreach_right_entry");
        String before = jdbc.sql("select max(updated_at) from outreach_right_entry").query(String.class).single();
        UUID importId = jdbc.sql("select import_id from outreach_import_job where id = ?").param(job).query(UUID.class).single();
        assertThat(fx.importUpload(fx.upload(agreement, ListType.WAITING_LIST, "Wachtlijst huurtoelage (2).csv", file), "VALID_ONLY"))
                .isEqualTo(importId);
        assertThat(fx.count("outreach_row")).isEqualTo(rows);
        assertThat(fx.count("outreach_fact")).isEqualTo(facts);
        assertThat(fx.count("outreach_right_entry")).isEqualTo(entries);
        assertThat(jdbc.sql("select max(updated_at) from outreach_right_entry").query(String.class).single()).isEqualTo(before);
        assertThat(asWorker(() -> worklists.entries("huurtoelage", Locale.forLanguageTag("nl")))).isEqualTo(list);
    }

    private <T> T asWorker(java.util.function.Supplier<T> work) {
        return SystemActor.runAs(fx.tenant(), "outreach-test", work);
    }
}

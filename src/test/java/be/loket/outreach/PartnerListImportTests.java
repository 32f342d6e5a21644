package be.loket.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.person.People;
import be.loket.platform.SystemActor;
import be.loket.support.LoketTest;
import be.loket.support.PublishedEvents;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The housing company's waiting-list export as a spreadsheet program on Windows writes it (Windows-1252,
 * semicolons, CRLF) with four broken rows: every problem is named by line, nothing is imported until the
 * user chooses, the valid rows become facts with their source, and a second import changes nothing.
 */
@LoketTest
class PartnerListImportTests extends WebTestBase {
    @Autowired
    PublishedEvents events;
    @Autowired
    People people;
    @Autowired
    PartnerFacts partnerFacts;
    OutreachFixture fx;

    @BeforeEach
    void fixture() {
        fx = new OutreachFixture(mvc, jdbc, users, people);
    }

    @Test
    void importsTheValidRowsOnlyAfterTheUserChoosesAndNeverTwice() throws Exception {
        UUID marielle = fx.citizen("Mariëlle", "Vanderstraeten-Wachtlijst", "1979-05-14", "79051412384", "Molenstraat", "7");
        UUID jerome = fx.citizen("Jerome", "Dubois-Wachtlijst", "1985-11-02", null, "Kerkhofstraat", "4");
        UUID francoise = fx.citizen("Françoise", "Lemaître-Wachtlijst", "1990-07-21", null, "Nieuwstraat", "1");
        UUID agreement = fx.agreement("SOCIAL_HOUSING_COMPANY", ListType.WAITING_LIST, ListType.RENT_ARREARS);
        byte[] file = PartnerListParsingTests.fixture("waiting-list-cp1252.csv");
        long imports = fx.count("outreach_import");
        long facts = fx.count("outreach_fact");

        UUID upload = fx.upload(agreement, ListType.WAITING_LIST, "wachtlijst.csv", file);
        mvc.perform(get("/outreach/uploads/" + upload).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("8 rijen gelezen (CSV, tekenset windows-1252, scheidingsteken ;)")))
                .andExpect(content().string(Matchers.containsString("Mariëlle")))
                .andExpect(content().string(Matchers.containsString("8 rijen gelezen: 4 in orde, 4 met fouten.")))
                .andExpect(content().string(Matchers.containsString("„12.34.56-789.00” is geen geldig rijksregisternummer.")))
                .andExpect(content().string(Matchers.containsString("„31/02/1988” is geen bestaande datum.")))
                .andExpect(content().string(Matchers.containsString("Dit verplichte veld is leeg.")))
                .andExpect(content().string(Matchers.containsString("„misschien” is geen ja of nee.")))
                .andExpect(content().string(Matchers.containsString("Alleen de 4 rijen in orde inlezen")));
        mvc.perform(get("/outreach/uploads/" + upload).header("Accept-Language", "fr").with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.containsString("« 31/02/1988 » n’est pas une date existante.")));

        // "Import all" is refused while rows are broken: nothing saved.
        UUID refused = fx.startImport(upload, "ALL");
        assertThat(fx.awaitJob(refused)).isEqualTo("REFUSED");
        mvc.perform(get("/outreach/jobs/" + refused).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("4 rijen hebben fouten. Er is niets ingelezen")))
                .andExpect(content().string(Matchers.containsString("/outreach/uploads/" + upload)));
        assertThat(fx.count("outreach_import")).isEqualTo(imports);
        assertThat(fx.count("outreach_fact")).isEqualTo(facts);

        UUID importId = fx.importUpload(upload, "VALID_ONLY");
        mvc.perform(get("/outreach/imports/" + importId).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("„misschien” is geen ja of nee.")))
                .andExpect(content().string(Matchers.matchesRegex("(?s).*<td>9</td>.*")));
        assertThat(jdbc.sql("select rows_imported from outreach_import where id = ?").param(importId).query(Integer.class).single()).isEqualTo(4);
        assertThat(fx.matchStatus(importId, "Vanderstraeten-Wachtlijst")).isEqualTo("MATCHED");
        assertThat(fx.matchStatus(importId, "Dubois-Wachtlijst")).isEqualTo("MATCHED");
        assertThat(fx.matchStatus(importId, "Lemaitre-Wachtlyst")).isEqualTo("REVIEW");
        assertThat(fx.matchStatus(importId, "Çelik-Wachtlijst")).isEqualTo("UNMATCHED");
        assertThat(jdbc.sql("select person_id from outreach_row where import_id = ? and last_name = 'Dubois-Wachtlijst'").param(importId)
                .query(UUID.class).single()).isEqualTo(jerome);
        // The rights engine hears which citizens got new facts.
        assertThat(events.stream(PartnerFactsRecorded.class).filter(e -> e.importId().equals(importId)))
                .singleElement().satisfies(e -> assertThat(e.personIds()).containsExactlyInAnyOrder(marielle, jerome));

        Map<String, String> hers = SystemActor.runAs(fx.tenant(), "rights-engine", () -> partnerFacts.latestFor(marielle)).entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value()));
        assertThat(hers).containsEntry(FactNames.ON_SOCIAL_HOUSING_WAITING_LIST, "true").containsEntry(FactNames.OWNS_REAL_ESTATE, "false")
                .containsEntry(FactNames.RECEIVES_FLEMISH_RENT_PREMIUM, "false");
        PartnerFact premium = SystemActor.runAs(fx.tenant(), "rights-engine", () -> partnerFacts.latestFor(jerome))
                .get(FactNames.RECEIVES_FLEMISH_RENT_PREMIUM);
        assertThat(premium.asBoolean()).isTrue();
        assertThat(premium.partnerId()).isEqualTo(fx.partner("SOCIAL_HOUSING_COMPANY"));
        assertThat(premium.listType()).isEqualTo(ListType.WAITING_LIST);
        assertThat(premium.importId()).isEqualTo(importId);
        assertThat(SystemActor.runAs(fx.tenant(), "rights-engine", () -> partnerFacts.factsFor(francoise))).isEmpty();

        // The same file again: the user is told, and nothing new is created.
        long rows = fx.count("outreach_row");
        facts = fx.count("outreach_fact");
        imports = fx.count("outreach_import");
        UUID again = fx.upload(agreement, ListType.WAITING_LIST, "wachtlijst (2).csv", file);
        mvc.perform(get("/outreach/uploads/" + again).with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.containsString("Dit bestand werd al ingelezen op")));
        assertThat(fx.importUpload(again, "VALID_ONLY")).isEqualTo(importId);
        assertThat(fx.count("outreach_import")).isEqualTo(imports);
        assertThat(fx.count("outreach_row")).isEqualTo(rows);
        assertThat(fx.count("outreach_fact")).isEqualTo(facts);

        // The same rows re-saved as UTF-8 (another file): every row is recognised, none added.
        byte[] utf8 = new String(file, Charset.forName("windows-1252")).getBytes(StandardCharsets.UTF_8);
        UUID resaved = fx.importUpload(fx.upload(agreement, ListType.WAITING_LIST, "wachtlijst-utf8.csv", utf8), "VALID_ONLY");
        assertThat(resaved).isNotEqualTo(importId);
        assertThat(jdbc.sql("select rows_imported || '/' || rows_known from outreach_import where id = ?").param(resaved)
                .query(String.class).single()).isEqualTo("0/4");
        assertThat(fx.count("outreach_row")).isEqualTo(rows);
        assertThat(fx.count("outreach_fact")).isEqualTo(facts);

        // Review: the uncertain match is confirmed, the unknown person registered; both then have facts.
        UUID reviewRow = jdbc.sql("select id from outreach_row where import_id = ? and last_name = 'Lemaitre-Wachtlyst'").param(importId)
                .query(UUID.class).single();
        UUID newRow = jdbc.sql("select id from outreach_row where import_id = ? and last_name = 'Çelik-Wachtlijst'").param(importId)
                .query(UUID.class).single();
        mvc.perform(get("/outreach/review").with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.containsString("Mogelijk dezelfde burger: Françoise Lemaître-Wachtlijst, geboren 21/07/1990")))
                .andExpect(content().string(Matchers.containsString("Özlem Çelik-Wachtlijst")));
        mvc.perform(post("/outreach/review/" + reviewRow).param("decision", "confirm").with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/outreach/review/" + newRow).param("decision", "create").with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(fx.matchStatus(importId, "Lemaitre-Wachtlyst")).isEqualTo("CONFIRMED");
        assertThat(fx.matchStatus(importId, "Çelik-Wachtlijst")).isEqualTo("CREATED");
        assertThat(events.stream(PartnerFactsRecorded.class).filter(e -> e.personIds().contains(francoise))).hasSize(1);
        assertThat(SystemActor.runAs(fx.tenant(), "rights-engine", () -> partnerFacts.latestFor(francoise)))
                .containsKey(FactNames.ON_SOCIAL_HOUSING_WAITING_LIST);
        UUID ozlem = jdbc.sql("select person_id from outreach_row where id = ?").param(newRow).query(UUID.class).single();
        assertThat(jdbc.sql("select insz from person where id = ?").param(ozlem).query(String.class).single()).isEqualTo("95013045664");
        // A second click on a handled row changes nothing and says why.
        mvc.perform(post("/outreach/review/" + reviewRow).param("decision", "reject").with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(fx.matchStatus(importId, "Lemaitre-Wachtlyst")).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'OUTREACH_IMPORT' and entity_id = ? and action = 'CREATE'")
                .param(importId).query(Long.class).single()).isEqualTo(1);
    }
}

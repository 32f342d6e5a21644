package be.loket.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.DemoRecords;
import be.loket.support.LoketPostgresTest;
import be.loket.support.WebTestBase;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Contacts and dossiers on a real PostgreSQL: migrations V10-V15, demo casework, due dates, sharing and My work. */
@LoketPostgresTest
class DossierPostgresTests extends WebTestBase {

    @Test
    void demoCaseworkLoadsAndAContactGetsItsDueDateOnPostgresql() throws Exception {
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isGreaterThan(50);
        assertThat(jdbc.sql("select count(*) from dossier where household_id is not null and open_household_id = household_id")
                .query(Long.class).single()).as("the demo household dossier").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from contact where handled_at is null and due_on < current_date").query(Long.class).single())
                .isPositive();
        UUID site = jdbc.sql("select s.id from site s join tenant t on t.id = s.tenant_id where t.code = 'demodorp' and s.kind = 'MAIN_OFFICE'")
                .query(UUID.class).single();
        String location = mvc.perform(post("/api/v1/contacts").with(httpBasic("demo-frontdesk", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"siteId": "%s", "channel": "PHONE", "themes": ["WATER"], "question": "Waterfactuur", "outcome": "TO_ANSWER"}"""
                                .formatted(site)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        LocalDate due = jdbc.sql("select due_on from contact where id = ?").param(UUID.fromString(location.replaceAll(".*/", "")))
                .query(LocalDate.class).single();
        assertThat(due).isAfter(LocalDate.now(ZoneId.of("Europe/Brussels")));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    UUID personWithoutDossier() {
        return jdbc.sql("""
                select p.id from person p join tenant t on t.id = p.tenant_id where t.code = 'demodorp'
                and not exists (select 1 from dossier d where d.person_id = p.id) order by p.search_name limit 1""")
                .query(UUID.class).single();
    }

    /** On PostgreSQL the second insert waits for the first transaction, then fails on the unique key (ADR 0205). */
    @Test
    void twoSimultaneousOpensMakeOneDossierOnPostgresql() throws Exception {
        SimultaneousOpens.in(context).makeOneDossierFor(personWithoutDossier());
    }

    @Test
    void sharedDossierPartnerStepAndUnseenCountOnPostgresql() throws Exception {
        UUID person = personWithoutDossier();
        String id = JsonPath.read(mvc.perform(post("/api/v1/dossiers").with(httpBasic("demo-frontdesk", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"personId": "%s", "ownerId": "%s", "lifeDomains": ["DEBT"]}"""
                                .formatted(person, DemoRecords.user(jdbc, "demo-socialworker"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/dossiers/" + id + "/steps").with(httpBasic("demo-socialworker", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"NOTE\", \"visibility\": \"INTERNAL\", \"text\": \"Alleen intern\"}")).andExpect(status().isCreated());
        UUID debt = jdbc.sql("select o.id from organisation o join tenant t on t.id = o.tenant_id where t.code = 'demodorp'"
                + " and o.type = 'DEBT_MEDIATION'").query(UUID.class).single();
        long version = jdbc.sql("select version from dossier where id = ?").param(UUID.fromString(id)).query(Long.class).single();
        mvc.perform(post("/api/v1/dossiers/" + id + "/shares").with(httpBasic("demo-socialworker", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"organisationId\": \"%s\", \"purpose\": \"schulden\", \"version\": %d}".formatted(debt, version)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/dossiers/" + id + "/steps").with(httpBasic("demo-partner", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"PARTNER_ACTION\", \"visibility\": \"SHARED\", \"text\": \"Plan opgesteld\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/dossiers/" + id).with(httpBasic("demo-partner", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.steps", hasSize(1)));
        mvc.perform(get("/api/v1/dossiers").param("owner", "me").with(httpBasic("demo-socialworker", "demo")))
                .andExpect(jsonPath("$[*].id", hasItem(id)))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].unseenPartnerSteps").value(1));
    }
}

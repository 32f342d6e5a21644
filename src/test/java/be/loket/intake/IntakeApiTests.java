package be.loket.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import be.loket.support.Staff;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

@LoketTest
class IntakeApiTests extends WebTestBase {
    UUID site(String tenant) {
        return jdbc.sql("select s.id from site s join tenant t on t.id = s.tenant_id where t.code = ? and s.kind = 'MAIN_OFFICE'")
                .param(tenant).query(UUID.class).single();
    }

    long contacts() {
        return jdbc.sql("select count(*) from contact").query(Long.class).single();
    }

    String body(UUID site, UUID person, String occurredAt, String outcome) {
        return """
                {"siteId": "%s", "channel": "WALK_IN", "personId": %s, "themes": ["WATER", "DEBT"],
                 "question": "Mijn waterfactuur is te hoog, kan ik afbetalen?", "outcome": "%s", "minutesSpent": 15,
                 "occurredAt": %s}""".formatted(site, person == null ? "null" : "\"" + person + "\"", outcome,
                occurredAt == null ? "null" : "\"" + occurredAt + "\"");
    }

    @Test
    void registersAWalkInWithItsDueDateInWorkingDaysAndAuditsIt() throws Exception {
        UUID person = DemoRecords.showcasePerson(jdbc);
        // Thursday before Whit Monday would be in the past; use a recent day and compute the expectation the same way.
        String id = mvc.perform(post("/api/v1/contacts").with(httpBasic("demo-frontdesk", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(site("demodorp"), person, null, "TO_ANSWER")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.personName").value("Ayşe Öztürk"))
                .andExpect(jsonPath("$.themes[0]").value("WATER"))
                .andExpect(jsonPath("$.handledAt").doesNotExist())
                .andReturn().getResponse().getHeader("Location").replaceAll(".*/", "");
        LocalDate due = jdbc.sql("select due_on from contact where id = ?").param(UUID.fromString(id)).query(LocalDate.class).single();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
        assertThat(due).isAfter(today);
        assertThat(due.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
        assertThat(jdbc.sql("select action || ':' || username from audit_event where entity_id = ?").param(UUID.fromString(id))
                .query(String.class).list()).contains("CREATE:demo-frontdesk", "READ:demo-frontdesk");

        mvc.perform(get("/api/v1/contacts").param("site", site("demodorp").toString()).param("date", today.toString())
                        .with(httpBasic("demo-socialworker", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem(id)));
    }

    @Test
    void badInputGivesSpecificLocalizedMessagesAndSavesNothing() throws Exception {
        long before = contacts();
        mvc.perform(post("/api/v1/contacts").with(httpBasic("demo-frontdesk", "demo")).header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"siteId": "%s", "channel": "PIGEON", "themes": [], "question": " ", "outcome": "REFERRED",
                                 "occurredAt": "2099-01-01T10:00:00+01:00"}""".formatted(site("demodorp"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'channel')].message").value("Choisissez une valeur de la liste."))
                .andExpect(jsonPath("$.errors[?(@.field == 'themes')].message").value("Choisissez au moins un thème."))
                .andExpect(jsonPath("$.errors[?(@.field == 'question')].code").value("validation.required"))
                .andExpect(jsonPath("$.errors[?(@.field == 'referredTo')].message").value("Indiquez vers qui vous avez orienté."))
                .andExpect(jsonPath("$.errors[?(@.field == 'occurredAt')].message").value("Ce moment est dans le futur."));
        assertThat(contacts()).isEqualTo(before);
    }

    @Test
    void aContactOfLastWeekThatIsStillOpenIsOverdueOnTheTeamLeadsOverview() throws Exception {
        String lastWeek = LocalDate.now(ZoneId.of("Europe/Brussels")).minusDays(8) + "T10:15:00";
        String id = mvc.perform(post("/api/v1/contacts").with(httpBasic("demo-frontdesk", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(site("demodorp"), null, lastWeek, "APPOINTMENT")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.personName").doesNotExist())
                .andReturn().getResponse().getHeader("Location").replaceAll(".*/", "");
        mvc.perform(get("/intake/overdue").with(Staff.as(users, "demo-teamlead")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("/intake/" + id + "/handled")));
        mvc.perform(get("/intake/overdue").with(Staff.as(users, "demo-frontdesk"))).andExpect(status().isNotFound());
        long version = jdbc.sql("select version from contact where id = ?").param(UUID.fromString(id)).query(Long.class).single();
        mvc.perform(post("/intake/" + id + "/handled").param("version", String.valueOf(version)).param("back", "overdue")
                        .with(Staff.as(users, "demo-teamlead")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select handled_by from contact where id = ?").param(UUID.fromString(id)).query(String.class).single())
                .isEqualTo("demo-teamlead");
        // The same stale version again is refused, nothing changes.
        mvc.perform(post("/intake/" + id + "/handled").param("version", String.valueOf(version))
                        .with(Staff.as(users, "demo-teamlead")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("conflict", true));
    }

    @Test
    void frontDeskRegistersAReturningCitizensQuestionWithTheShortForm() throws Exception {
        UUID person = DemoRecords.showcasePerson(jdbc);
        mvc.perform(get("/intake/new").param("person", person.toString()).with(Staff.as(users, "demo-frontdesk")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Ayşe Öztürk")));
        mvc.perform(post("/intake").with(Staff.as(users, "demo-frontdesk")).with(csrf())
                        .param("personId", person.toString()).param("siteId", site("demodorp").toString())
                        .param("channel", "PHONE").param("themes", "ENERGY").param("question", "Budgetmeter staat op nul")
                        .param("outcome", "ANSWERED"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/intake?site=*"));
        assertThat(jdbc.sql("select count(*) from contact where person_id = ? and question = 'Budgetmeter staat op nul'"
                + " and handled_at is not null").param(person).query(Long.class).single()).isEqualTo(1);
        // Refused form: stays on the form with the message next to the field.
        mvc.perform(post("/intake").with(Staff.as(users, "demo-frontdesk")).with(csrf())
                        .param("siteId", site("demodorp").toString()).param("channel", "PHONE").param("question", "x")
                        .param("outcome", "ANSWERED").param("minutesSpent", "veel"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Geef een aantal minuten in cijfers.")));
    }

    @Test
    void theLocationOfARegisteredContactCanBeReadByTheOwnServicesOnlyAndTheReadIsAudited() throws Exception {
        UUID person = DemoRecords.showcasePerson(jdbc);
        String location = mvc.perform(post("/api/v1/contacts").with(httpBasic("demo-frontdesk", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(site("demodorp"), person, null, "TO_ANSWER")))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String id = location.replaceAll(".*/", "");
        for (String user : new String[] {"demo-frontdesk", "demo-socialworker-b", "demo-teamlead"}) {
            mvc.perform(get(location).with(httpBasic(user, "demo"))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.personName").value("Ayşe Öztürk"))
                    .andExpect(jsonPath("$.outcome").value("TO_ANSWER"));
        }
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = ? and action = 'READ' and username = 'demo-socialworker-b'")
                .param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
        for (String user : new String[] {"demo-partner", "demo-socialworker-v", "demo-committee"}) {
            mvc.perform(get(location).with(httpBasic(user, "demo"))).andExpect(status().isNotFound())
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Öztürk"))));
        }
        mvc.perform(get("/api/v1/contacts/" + UUID.randomUUID()).with(httpBasic("demo-frontdesk", "demo"))).andExpect(status().isNotFound());
    }

    @Test
    void outcomeDossierNeedsACitizenAndStaysOpenUntilTheDossierIsOpened() throws Exception {
        long before = contacts();
        for (String[] lang : new String[][] {{"nl", "Kies eerst de burger: een dossier hoort altijd bij een burger."},
                {"fr", "Choisissez d’abord le citoyen : un dossier appartient toujours à un citoyen."},
                {"en", "Choose the citizen first: a dossier always belongs to a citizen."}}) {
            mvc.perform(post("/api/v1/contacts").with(httpBasic("demo-frontdesk", "demo")).header("Accept-Language", lang[0])
                            .contentType(MediaType.APPLICATION_JSON).content(body(site("demodorp"), null, null, "DOSSIER")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'outcome')].code").value("intake.outcome.dossierNeedsPerson"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'outcome')].message").value(lang[1]));
        }
        // The form says the same next to the field and saves nothing.
        mvc.perform(post("/intake").with(Staff.as(users, "demo-frontdesk")).with(csrf())
                        .param("siteId", site("demodorp").toString()).param("channel", "WALK_IN").param("themes", "WATER")
                        .param("question", "Waterfactuur").param("outcome", "DOSSIER"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Kies eerst de burger: een dossier hoort altijd bij een burger.")));
        assertThat(contacts()).isEqualTo(before);

        UUID person = jdbc.sql("""
                select p.id from person p join tenant t on t.id = p.tenant_id where t.code = 'demodorp'
                and not exists (select 1 from dossier d where d.person_id = p.id) order by p.search_name limit 1""")
                .query(UUID.class).single();
        String id = mvc.perform(post("/api/v1/contacts").with(httpBasic("demo-frontdesk", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(site("demodorp"), person, null, "DOSSIER")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.handledAt").doesNotExist())
                .andReturn().getResponse().getHeader("Location").replaceAll(".*/", "");
        // Still open: registering "dossier" alone does not make a dossier.
        assertThat(jdbc.sql("select handled_at is null from contact where id = ?").param(UUID.fromString(id)).query(Boolean.class).single())
                .isTrue();
        mvc.perform(post("/api/v1/dossiers").with(httpBasic("demo-frontdesk", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\": \"%s\", \"contactId\": \"%s\"}".formatted(person, id))).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/contacts/" + id).with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(jsonPath("$.handledAt").exists()).andExpect(jsonPath("$.handledBy").value("demo-frontdesk"))
                .andExpect(jsonPath("$.dossierId").exists());
    }

    @org.springframework.beans.factory.annotation.Autowired
    be.loket.platform.calendar.WorkingDays workingDays;

    LocalDate dueOn(String contact) {
        return jdbc.sql("select due_on from contact where id = ?").param(UUID.fromString(contact)).query(LocalDate.class).single();
    }

    String register(String occurredAt, String outcome) throws Exception {
        return mvc.perform(post("/api/v1/contacts").with(httpBasic("demo-frontdesk", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(site("demodorp"), null, occurredAt, outcome)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location").replaceAll(".*/", "");
    }

    @Test
    void aClosingDayAddedLaterMovesTheDueDatesOfOpenQuestionsItAffects() throws Exception {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Brussels")).minusDays(6);
        String open = register(day + "T10:00:00", "TO_ANSWER");
        String handled = register(day + "T10:05:00", "ANSWERED");
        LocalDate due = dueOn(open);
        assertThat(dueOn(handled)).isEqualTo(due);
        mvc.perform(post("/admin/closing-days").with(Staff.as(users, "demo-admin")).with(csrf())
                        .param("day", due.toString()).param("label", "Personeelsdag"))
                .andExpect(status().isFound());
        try {
            assertThat(dueOn(open)).isAfter(due).isEqualTo(workingDays.addWorkingDays(tenant, day, Contacts.NORM_WORKING_DAYS));
            assertThat(dueOn(handled)).as("a handled question keeps its due date").isEqualTo(due);
        } finally {
            mvc.perform(post("/admin/closing-days/remove").with(Staff.as(users, "demo-admin")).with(csrf()).param("day", due.toString()))
                    .andExpect(status().isFound());
        }
        assertThat(dueOn(open)).as("removing the day moves it back").isEqualTo(due);
    }

    @Test
    void partnersAndOtherMunicipalitiesDoNotSeeContacts() throws Exception {
        mvc.perform(get("/api/v1/contacts").with(httpBasic("demo-partner", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/contacts").param("site", site("demodorp").toString()).with(httpBasic("demo-socialworker-v", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/contacts").with(httpBasic("demo-socialworker-v", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body(site("demodorp"), null, null, "ANSWERED"))).andExpect(status().isNotFound());
        mvc.perform(get("/intake").with(Staff.as(users, "demo-partner"))).andExpect(status().isNotFound());
    }
}

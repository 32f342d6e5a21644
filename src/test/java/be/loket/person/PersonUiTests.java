package be.loket.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import be.loket.support.Staff;
import java.time.LocalDate;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@LoketTest
class PersonUiTests extends WebTestBase {

    MockHttpServletRequestBuilder form(String lang) {
        return post("/persons").with(Staff.as(users, "demo-frontdesk")).with(csrf()).header("Accept-Language", lang);
    }

    @Test
    void everyBadFieldIsNamedInTheUsersLanguageAndNothingIsSaved() throws Exception {
        long before = jdbc.sql("select count(*) from person").query(Long.class).single();
        mvc.perform(form("fr").param("firstName", "").param("lastName", "x".repeat(101)).param("insz", "12345678901")
                        .param("birthDate", LocalDate.now().plusYears(1).toString()).param("preferredChannel", "LETTER").param("language", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Remplissez ce champ.")))
                .andExpect(content().string(Matchers.containsString("100 caractères au maximum (actuellement 101)")))
                .andExpect(content().string(Matchers.containsString("numéro de registre national n’est pas correct")))
                .andExpect(content().string(Matchers.containsString("La date de naissance est dans le futur.")))
                .andExpect(content().string(Matchers.containsString("lang=\"fr\"")));
        mvc.perform(form("nl").param("firstName", "Piet").param("lastName", "Post").param("birthDate", "31/02/1990")
                        .param("email", "geen-adres").param("preferredChannel", "EMAIL").param("language", "nl"))
                .andExpect(content().string(Matchers.containsString("Dit is geen geldige datum.")))
                .andExpect(content().string(Matchers.containsString("Dit is geen geldig e-mailadres.")));
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(before);
    }

    long events(String username) {
        return jdbc.sql("select count(*) from audit_event where username = ?").param(username).query(Long.class).single();
    }

    /** action:channel:detail of the events about this citizen, oldest first, including the searches that found them. */
    java.util.List<String> trail(UUID person) {
        return jdbc.sql("""
                        select action || ':' || channel || ':' || coalesce(detail, '') from (
                          select occurred_at, id, action, channel, detail from audit_event where entity_type = 'PERSON' and entity_id = :id
                          union all
                          select e.occurred_at, e.id, e.action, e.channel, e.detail from audit_event_subject s
                          join audit_event e on e.id = s.event_id where s.entity_id = :id) t
                        order by occurred_at, id""")
                .param("id", person).query(String.class).list();
    }

    @Test
    void registersACitizenAfterConfirmingTheLikelyDuplicate() throws Exception {
        UUID showcase = DemoRecords.showcasePerson(jdbc);
        long before = events("demo-frontdesk");
        int showcaseEvents = trail(showcase).size();
        mvc.perform(form("nl").param("firstName", "Ayse").param("lastName", "Oztürk").param("birthDate", "12/03/1984")
                        .param("preferredChannel", "LETTER").param("language", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Bestaat deze burger al?")))
                .andExpect(content().string(Matchers.containsString("Kerkstraat 12")));
        // Showing the candidates is a read of their data: one search event naming them, kept although nothing was saved.
        assertThat(events("demo-frontdesk")).isEqualTo(before + 1);
        assertThat(trail(showcase)).hasSize(showcaseEvents + 1).last().asString().startsWith("SEARCH:UI:likely duplicates=");
        mvc.perform(form("nl").param("firstName", "Ayse").param("lastName", "Oztürk").param("birthDate", "12/03/1984")
                        .param("preferredChannel", "LETTER").param("language", "nl").param("confirmNotDuplicate", "true"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void languageSwitchIsRememberedAndPagesDefaultToDutch() throws Exception {
        mvc.perform(get("/persons").with(Staff.as(users, "demo-frontdesk")))
                .andExpect(content().string(Matchers.containsString("<html lang=\"nl\"")))
                .andExpect(content().string(Matchers.containsString("Burgers zoeken")));
        var result = mvc.perform(get("/persons").param("lang", "en").with(Staff.as(users, "demo-frontdesk")))
                .andExpect(content().string(Matchers.containsString("Find a citizen"))).andReturn();
        assertThat(result.getResponse().getCookie("loket-lang").getValue()).isEqualTo("en");
    }

    @Test
    void readsAndWritesThroughTheScreensAreAuditedAsUi() throws Exception {
        UUID id = register("Ilse", "Schermspoor", "1966-06-16");
        mvc.perform(get("/persons").param("q", "Ilse Schermspoor").with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Schermspoor, Ilse")));
        mvc.perform(get("/persons/" + id).with(Staff.as(users, "demo-socialworker"))).andExpect(status().isOk());
        long version = jdbc.sql("select version from person where id = ?").param(id).query(Long.class).single();
        mvc.perform(post("/persons/" + id).with(Staff.as(users, "demo-socialworker")).with(csrf())
                        .param("firstName", "Ilse").param("lastName", "Schermspoor").param("birthDate", "16/06/1966")
                        .param("phone", "0499 11 22 33").param("preferredChannel", "LETTER").param("language", "nl")
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        assertThat(trail(id)).extracting(e -> e.substring(0, e.indexOf(':', e.indexOf(':') + 1)))
                .containsSubsequence("CREATE:UI", "SEARCH:UI", "READ:UI", "UPDATE:UI");
        assertThat(trail(id)).contains("UPDATE:UI:changed=[phone]");
    }

    @Test
    void findsÖztürkWrittenWithoutOrWithSomeOfItsAccents() throws Exception {
        for (String name : new String[] {"Ozturk", "Özturk", "OZTÜRK"}) {
            mvc.perform(get("/persons").param("q", name).with(Staff.as(users, "demo-frontdesk")))
                    .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Öztürk, Ayşe")));
        }
    }

    @Test
    void teamLeadAndAdministratorSeeATrailFrontDeskAndSocialWorkerDoNot() throws Exception {
        UUID id = register("Tom", "Spoorlezer", "1971-01-17");
        mvc.perform(get("/persons/" + id + "/audit").with(Staff.as(users, "demo-teamlead")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Wie las of wijzigde de gegevens van Tom Spoorlezer")))
                .andExpect(content().string(Matchers.containsString("<td>Webtoepassing</td>")))
                .andExpect(content().string(Matchers.containsString("Technisch detail")));
        mvc.perform(get("/persons/" + id + "/audit").param("lang", "fr").with(Staff.as(users, "demo-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<td>Application web</td>")))
                .andExpect(content().string(Matchers.containsString("Détail technique")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<td>UI</td>"))));
        mvc.perform(get("/persons/" + id).with(Staff.as(users, "demo-admin")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("/persons/" + id + "/audit")));
        for (String username : new String[] {"demo-frontdesk", "demo-socialworker"}) {
            mvc.perform(get("/persons/" + id + "/audit").with(Staff.as(users, username))).andExpect(status().isForbidden());
            mvc.perform(get("/persons/" + id).with(Staff.as(users, username)))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("/persons/" + id + "/audit"))));
        }
    }

    @Test
    void theAddressSaysBoxInTheReadersLanguage() throws Exception {
        String location = mvc.perform(form("nl").param("firstName", "Bram").param("lastName", "Busnummer").param("birthDate", "02/02/1992")
                        .param("street", "Stationsstraat").param("houseNumber", "4").param("box", "2B").param("postalCode", "9990")
                        .param("city", "Demodorp").param("preferredChannel", "LETTER").param("language", "nl")
                        .param("confirmNotDuplicate", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        for (String[] lang : new String[][] {{"nl", "Stationsstraat 4 bus 2B"}, {"fr", "Stationsstraat 4 boîte 2B"},
                {"en", "Stationsstraat 4 box 2B"}}) {
            mvc.perform(get(location).header("Accept-Language", lang[0]).with(Staff.as(users, "demo-frontdesk")))
                    .andExpect(content().string(Matchers.containsString(lang[1] + ", 9990 Demodorp")));
            mvc.perform(get("/persons").param("q", "Bram Busnummer").header("Accept-Language", lang[0])
                            .with(Staff.as(users, "demo-frontdesk")))
                    .andExpect(content().string(Matchers.containsString(lang[1] + ", 9990 Demodorp")));
        }
    }

    java.util.UUID register(String first, String last, String birth) throws Exception {
        String location = mvc.perform(form("nl").param("firstName", first).param("lastName", last).param("birthDate", birth)
                        .param("preferredChannel", "LETTER").param("language", "nl").param("confirmNotDuplicate", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return java.util.UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void startsAHouseholdAndAddsAMemberFromTheSearch() throws Exception {
        var mother = register("Selin", "Huishoudtest", "1988-08-08");
        var son = register("Emre", "Huishoudtest", "2015-05-05");
        mvc.perform(post("/persons/" + mother + "/household").with(Staff.as(users, "demo-frontdesk")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/persons/" + mother + "/household/add").param("q", "Emre Huishoudtest").with(Staff.as(users, "demo-frontdesk")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Huishoudtest, Emre")));
        long version = jdbc.sql("select h.version from household h join household_member m on m.household_id = h.id"
                + " where m.person_id = ? and m.valid_to is null").param(mother).query(Long.class).single();
        mvc.perform(post("/persons/" + mother + "/household/members").with(Staff.as(users, "demo-frontdesk")).with(csrf())
                        .param("memberId", son.toString()).param("relation", "CHILD").param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/persons/" + son).with(Staff.as(users, "demo-frontdesk")))
                .andExpect(content().string(Matchers.containsString("Selin Huishoudtest")))
                .andExpect(content().string(Matchers.containsString("Kind")));
    }
}

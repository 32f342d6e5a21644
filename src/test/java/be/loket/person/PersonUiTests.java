package be.loket.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import be.loket.support.Staff;
import java.time.LocalDate;
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

    @Test
    void registersACitizenAfterConfirmingTheLikelyDuplicate() throws Exception {
        mvc.perform(form("nl").param("firstName", "Ayse").param("lastName", "Oztürk").param("birthDate", "12/03/1984")
                        .param("preferredChannel", "LETTER").param("language", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Bestaat deze burger al?")));
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

package be.loket.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The rights check on a citizen's page: questions answered on the spot become facts with source and author. */
@LoketTest
class RightsCheckTests extends WebTestBase {

    UUID person(String tenant) {
        // A citizen of our own, so that the facts recorded here do not meet other tests' facts.
        return DemoRecords.anyPerson(jdbc, tenant);
    }

    long facts(UUID person) {
        return jdbc.sql("select count(*) from eligibility_fact where person_id = ?").param(person).query(Long.class).single();
    }

    Document page(UUID person) throws Exception {
        return Jsoup.parse(mvc.perform(get("/persons/{id}/rights", person).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    MockHttpServletRequestBuilder answer(UUID person) {
        return post("/persons/{id}/rights", person).with(Staff.as(users, "demo-socialworker")).with(csrf());
    }

    /** Seed 004's single mother (EUR 2,500 a month, rent EUR 903.33): EUR 70.00 of rent allowance. */
    static MockHttpServletRequestBuilder singleMotherOfTheSeed(MockHttpServletRequestBuilder form, String municipality) {
        return form.param("source", "CLIENT")
                .param("f.household.municipality", municipality).param("f.household.isTenant", "true")
                .param("f.household.monthlyRent", "903,33").param("f.household.incomeLastThreeMonths", "7500")
                .param("f.household.category", "FAMILY").param("f.household.onSocialHousingWaitingList", "true")
                .param("f.household.ownsRealEstate", "false").param("f.household.receivesFlemishRentPremium", "false")
                .param("f.household.receivesFlemishRentSubsidy", "false").param("f.assessment.savingsAcceptable", "true");
    }

    @Test
    void answersOnTheSpotDecideTheRentAllowance() throws Exception {
        UUID p = person("demodorp");
        Document before = page(p);
        assertThat(before.select("main form select, main form input[type=text]")).isNotEmpty();
        mvc.perform(singleMotherOfTheSeed(answer(p), "demodorp"))
                .andExpect(redirectedUrl("/persons/" + p + "/rights?saved=10"));
        Document after = page(p);
        assertThat(after.select("main section").get(0).text()).contains("Huurtoelage van Demodorp", "€ 70,00 per maand");
        assertThat(after.select("main table").text()).contains("demo-socialworker", "Verklaring van de burger", "903,33",
                "Hoeveel huur betaalt u per maand (zonder kosten)?", "Huurt u uw woning? Ja", "Ik woon alleen met kinderen ten laste")
                .doesNotContain("household.");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = ? and detail like 'rights check facts:%'")
                .param(p).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = ? and detail like 'rights check:%'")
                .param(p).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void oneUnreadableAnswerSavesNothing() throws Exception {
        UUID p = DemoRecords.showcasePerson(jdbc);
        long before = facts(p);
        String html = mvc.perform(answer(p).param("source", "CLIENT").param("f.household.isTenant", "true")
                        .param("f.household.monthlyRent", "veel"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select(".field-error").text()).contains("Dit antwoord is niet leesbaar");
        assertThat(facts(p)).isEqualTo(before);
    }

    @Test
    void anotherMunicipalitysCitizenIsNotFound() throws Exception {
        mvc.perform(get("/persons/{id}/rights", person("voorbeeldegem")).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isNotFound());
    }

    @Test
    void partnersCannotRunTheCheck() throws Exception {
        mvc.perform(get("/persons/{id}/rights", person("demodorp")).with(Staff.as(users, "demo-partner")))
                .andExpect(status().isForbidden());
    }

    /** A new citizen of Demodorp, registered at the front desk, so that no other test's facts or dossiers meet it. */
    UUID newPerson(String firstName, String birthDate) throws Exception {
        String location = mvc.perform(post("/api/v1/persons").with(httpBasic("demo-frontdesk", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"firstName": "%s", "lastName": "Rechtenproef%s", "birthDate": "%s", "street": "Schoolstraat",
                                 "houseNumber": "8", "postalCode": "9990", "city": "Demodorp", "preferredChannel": "LETTER",
                                 "language": "nl"}""".formatted(firstName, UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "x"),
                                birthDate)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    UUID openDossier(UUID person) throws Exception {
        String body = mvc.perform(post("/api/v1/dossiers").with(httpBasic("demo-frontdesk", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\": \"%s\", \"ownerId\": \"%s\"}".formatted(person,
                                DemoRecords.user(jdbc, "demo-socialworker"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    List<String> checkSteps(UUID dossier) {
        return jdbc.sql("select body from dossier_step where dossier_id = ? and body like 'Rechtencheck:%' order by created_at")
                .param(dossier).query(String.class).list();
    }

    @Test
    void theFrontDeskSavesAnswersAndTheCheckIsWrittenInTheOpenDossier() throws Exception {
        UUID person = newPerson("Fatima", "1985-06-06");
        UUID dossier = openDossier(person);
        mvc.perform(post("/persons/{id}/rights", person).with(Staff.as(users, "demo-frontdesk")).with(csrf())
                        .param("source", "DOCUMENT").param("f.household.hasWaterDebt", "true"))
                .andExpect(redirectedUrl("/persons/" + person + "/rights?saved=1"));
        assertThat(jdbc.sql("select fact_value from eligibility_fact where person_id = ? and name = 'household.hasWaterDebt'")
                .param(person).query(String.class).list()).containsExactly("true");
        // Policy: whoever may open dossiers (the front desk too) records the check in the open dossier, in Dutch.
        assertThat(checkSteps(dossier)).singleElement().satisfies(text -> assertThat(text)
                .startsWith("Rechtencheck: recht op ").contains("Afbetalingsplan met de watermaatschappij"));
        assertThat(jdbc.sql("select visibility || ':' || author_name from dossier_step where dossier_id = ? and body like 'Rechtencheck:%'")
                .param(dossier).query(String.class).single()).startsWith("INTERNAL:");
    }

    @Test
    void theCheckIsRecordedOnRequestWithoutNewAnswers() throws Exception {
        UUID person = newPerson("Bram", "1979-01-09");
        mvc.perform(post("/persons/{id}/rights/record", person).with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(redirectedUrl("/persons/" + person + "/rights?recorded=false"));
        UUID dossier = openDossier(person);
        assertThat(page(person).select("main form[action$=/rights/record] button").text())
                .isEqualTo("Deze check in het dossier noteren");
        mvc.perform(post("/persons/{id}/rights/record", person).with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(redirectedUrl("/persons/" + person + "/rights?recorded=true"));
        assertThat(checkSteps(dossier)).singleElement().satisfies(text -> assertThat(text)
                .matches("Rechtencheck: recht op .+\\. Misschien recht op .+\\."));
        String shown = mvc.perform(get("/persons/{id}/rights", person).param("recorded", "true").with(Staff.as(users, "demo-socialworker")))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(shown).select("main [role=status]").text()).contains("De check staat nu in de tijdlijn van het dossier.");
        mvc.perform(post("/persons/{id}/rights/record", person).with(Staff.as(users, "demo-partner")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(checkSteps(dossier)).hasSize(1);
    }

    @Test
    void householdFactsOfOtherMembersCountButTheirPersonalFactsDoNot() throws Exception {
        UUID mother = newPerson("Ines", "1982-03-03");
        UUID son = newPerson("Yusuf", "2004-05-05");
        mvc.perform(post("/api/v1/households").with(httpBasic("demo-frontdesk", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"members": [{"personId": "%s", "relation": "REFERENCE_PERSON"},
                                 {"personId": "%s", "relation": "CHILD"}]}""".formatted(mother, son)))
                .andExpect(status().isCreated());
        mvc.perform(answer(mother).param("source", "CLIENT").param("f.household.isTenant", "false")
                .param("f.household.monthlyRent", "700")).andExpect(status().is3xxRedirection());
        // The son's answer is later: his household fact replaces his mother's; her rent stays.
        mvc.perform(answer(son).param("source", "DOCUMENT").param("f.household.isTenant", "true")
                .param("f.assessment.savingsAcceptable", "true")).andExpect(status().is3xxRedirection());
        Document motherPage = page(mother);
        String table = motherPage.select("main table tbody").text();
        assertThat(table).contains("Huurt u uw woning? Ja Document gezien", "700");
        assertThat(motherPage.select("main table tbody tr")).hasSize(2);
        assertThat(page(son).select("main table tbody tr")).hasSize(3);
    }

    @Test
    void theMunicipalityIsOfferedAndTypedNamesBecomeTheTenantCode() throws Exception {
        UUID person = newPerson("Lotte", "1990-10-10");
        Document before = page(person);
        assertThat(before.select("main form input[name=f.household.municipality]").attr("value")).isEqualTo("demodorp");
        mvc.perform(singleMotherOfTheSeed(answer(person), " Demodorp "))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select fact_value from eligibility_fact where person_id = ? and name = 'household.municipality'")
                .param(person).query(String.class).single()).isEqualTo("demodorp");
        assertThat(page(person).select("main section").get(0).text()).contains("Huurtoelage van Demodorp", "€ 70,00 per maand");
    }
}

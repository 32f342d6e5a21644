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
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
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

    @Test
    void answersOnTheSpotDecideTheRentAllowance() throws Exception {
        UUID p = person("demodorp");
        Document before = page(p);
        assertThat(before.select("main form select, main form input[type=text]")).isNotEmpty();
        mvc.perform(answer(p).param("source", "CLIENT")
                        .param("f.household.municipality", "demodorp").param("f.household.isTenant", "true")
                        .param("f.household.monthlyRent", "903,33").param("f.household.incomeLastThreeMonths", "7500")
                        .param("f.household.category", "FAMILY").param("f.household.onSocialHousingWaitingList", "true")
                        .param("f.household.ownsRealEstate", "false").param("f.household.receivesFlemishRentPremium", "false")
                        .param("f.household.receivesFlemishRentSubsidy", "false").param("f.assessment.savingsAcceptable", "true"))
                .andExpect(redirectedUrl("/persons/" + p + "/rights?saved=10"));
        Document after = page(p);
        assertThat(after.select("main section").get(0).text()).contains("Huurtoelage van Demodorp", "€ 70,00 per maand");
        assertThat(after.select("main table").text()).contains("demo-socialworker", "Verklaring van de burger", "903,33");
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

    @Test
    void savedAnswersAreWrittenAsAStepInTheOpenDossier() throws Exception {
        UUID person = jdbc.sql("""
                        select p.id from person p join tenant t on t.id = p.tenant_id where t.code = 'demodorp'
                        and not exists (select 1 from dossier d where d.person_id = p.id) order by p.search_name desc limit 1""")
                .query(UUID.class).single();
        String body = mvc.perform(post("/api/v1/dossiers").with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.httpBasic("demo-frontdesk", "demo"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"personId\": \"%s\", \"ownerId\": \"%s\"}".formatted(person,
                                DemoRecords.user(jdbc, "demo-socialworker"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID dossier = UUID.fromString(com.jayway.jsonpath.JsonPath.read(body, "$.id"));
        mvc.perform(answer(person).param("source", "DOCUMENT").param("f.household.hasWaterDebt", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select body from dossier_step where dossier_id = ? and body like 'Rechtencheck:%'")
                .param(dossier).query(String.class).list())
                .anySatisfy(text -> assertThat(text).contains("Afbetalingsplan met de watermaatschappij"));
    }
}

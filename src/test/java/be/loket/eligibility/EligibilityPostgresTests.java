package be.loket.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.DemoRecords;
import be.loket.support.LoketPostgresTest;
import be.loket.support.Staff;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The eligibility migration and the rights check's fact history on a real PostgreSQL. */
@LoketPostgresTest
class EligibilityPostgresTests {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void factsAreRecordedAndReadBackOnPostgresql() throws Exception {
        UUID person = DemoRecords.showcasePerson(jdbc);
        mvc.perform(post("/persons/{id}/rights", person).with(Staff.as(users, "demo-socialworker")).with(csrf())
                        .param("source", "DOCUMENT").param("f.household.ownsRealEstate", "true"))
                .andExpect(redirectedUrl("/persons/" + person + "/rights?saved=1"));
        mvc.perform(get("/persons/{id}/rights", person).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select source from eligibility_fact where person_id = ? and name = 'household.ownsRealEstate'")
                .param(person).query(String.class).list()).containsExactly("DOCUMENT");
    }

    @Test
    void apiGivesTheSeedFiguresOnPostgresql() throws Exception {
        mvc.perform(post("/api/v1/eligibility/evaluations").with(httpBasic("demo-socialworker", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"date": "2023-03-15", "rights": ["huurtoelage"], "facts": {"household.ownsRealEstate": true}}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].outcome").value("NOT_ELIGIBLE"));
    }
}

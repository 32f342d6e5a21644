package be.loket.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.identity.Provisioning;
import be.loket.platform.Role;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The API is stateless: no session, no cookie; its failed logins still lock the account; its problems speak Dutch by default. */
@LoketTest
class ApiStatelessTests extends WebTestBase {
    @Autowired
    Provisioning provisioning;

    long sessionsOf(String username) {
        return jdbc.sql("select count(*) from spring_session where principal_name = ?").param(username).query(Long.class).single();
    }

    String newUser(String username, String password) {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        UUID org = jdbc.sql("select organisation_id from app_user where username = 'demo-frontdesk'").query(UUID.class).single();
        provisioning.user(tenant, org, username, "Api Test", password, Set.of(Role.FRONT_DESK));
        return username;
    }

    @Test
    void anApiCallCreatesNoSessionAndSetsNoCookie() throws Exception {
        String user = newUser("api-session", "api-session-password");
        var response = mvc.perform(get("/api/v1/persons").param("q", "peeters").with(httpBasic(user, "api-session-password")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getCookies()).isEmpty();
        assertThat(response.getHeaders("Set-Cookie")).isEmpty();
        assertThat(sessionsOf(user)).isZero();
        // The same counting sees the session a form login does create, so the zero above means something.
        var login = mvc.perform(formLogin("/login").user(user).password("api-session-password")).andReturn().getResponse();
        assertThat(login.getCookie("SESSION")).isNotNull();
        assertThat(sessionsOf(user)).isOne();
    }

    @Test
    void failedApiCallsCountTowardsTheLockOut() throws Exception {
        newUser("api-lockout", "correct-horse-battery");
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/persons").param("q", "x").with(httpBasic("api-lockout", "wrong-" + i)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(jdbc.sql("select locked_until from app_user where username = 'api-lockout'").query(Object.class).single())
                .as("locked after five failed API calls").isNotNull();
        mvc.perform(get("/api/v1/persons").param("q", "x").with(httpBasic("api-lockout", "correct-horse-battery")))
                .andExpect(status().isUnauthorized());
        mvc.perform(formLogin("/login").user("api-lockout").password("correct-horse-battery")).andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void personApiProblemsAreDutchWithoutAcceptLanguage() throws Exception {
        mvc.perform(get("/api/v1/persons/" + UUID.randomUUID()).with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Niet gevonden."));
        mvc.perform(post("/api/v1/persons").with(httpBasic("demo-frontdesk", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"firstName\": \"\", \"lastName\": \"Zonder-Taal\", \"preferredChannel\": \"LETTER\", \"language\": \"nl\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("De gegevens zijn niet in orde. Niets is bewaard."))
                .andExpect(jsonPath("$.errors[?(@.field == 'firstName')].message").value("Vul dit veld in."));
        assertThat(jdbc.sql("select count(*) from person where last_name = 'Zonder-Taal'").query(Long.class).single()).isZero();
        mvc.perform(get("/api/v1/persons/" + UUID.randomUUID())).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Meld u aan."));
    }
}

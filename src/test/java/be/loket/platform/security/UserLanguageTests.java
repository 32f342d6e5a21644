package be.loket.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import be.loket.identity.Provisioning;
import be.loket.platform.Role;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import jakarta.servlet.http.Cookie;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The language an administrator sets for a staff member is the UI's language after login, unless they chose one with the switch. */
@LoketTest
class UserLanguageTests extends WebTestBase {
    @Autowired
    Provisioning provisioning;

    String newUser(String username, String language) {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        UUID org = jdbc.sql("select organisation_id from app_user where username = 'demo-socialworker'").query(UUID.class).single();
        provisioning.user(tenant, org, username, "Taal Test", "taal-test-password", Set.of(Role.SOCIAL_WORKER));
        setLanguage(username, language);
        return username;
    }

    void setLanguage(String username, String language) {
        jdbc.sql("update app_user set language = ? where username = ?").params(language, username).update();
    }

    /** Logs in by the form, with the given extra cookies, and returns the language of the home page that follows. */
    String homePageLanguageAfterLogin(String username, Cookie... cookies) throws Exception {
        var login = mvc.perform(formLogin("/login").user(username).password("taal-test-password")).andReturn().getResponse();
        assertThat(login.getRedirectedUrl()).isEqualTo("/");
        Cookie session = login.getCookie("SESSION");
        assertThat(session).isNotNull();
        Cookie[] all = new Cookie[cookies.length + 1];
        all[0] = session;
        System.arraycopy(cookies, 0, all, 1, cookies.length);
        String html = mvc.perform(get("/").cookie(all).header("Accept-Language", "nl")).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).selectFirst("html").attr("lang");
    }

    @Test
    void theUserLanguageAppliesAfterLogin() throws Exception {
        assertThat(homePageLanguageAfterLogin(newUser("taal-fr", "fr"))).isEqualTo("fr");
        assertThat(homePageLanguageAfterLogin(newUser("taal-nl", "nl"))).isEqualTo("nl");
    }

    @Test
    void aLanguageTheAdministratorChangesAppliesAtTheNextLogin() throws Exception {
        String user = newUser("taal-change", "en");
        assertThat(homePageLanguageAfterLogin(user)).isEqualTo("en");
        setLanguage(user, "fr");
        assertThat(homePageLanguageAfterLogin(user)).isEqualTo("fr");
    }

    @Test
    void theLanguageChosenWithTheSwitchWins() throws Exception {
        assertThat(homePageLanguageAfterLogin(newUser("taal-switch", "fr"), new Cookie("loket-lang", "en"))).isEqualTo("en");
    }
}

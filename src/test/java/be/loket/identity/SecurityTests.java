package be.loket.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.platform.Role;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import be.loket.support.Staff;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@LoketTest
class SecurityTests extends WebTestBase {
    @Autowired
    Provisioning provisioning;

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("script-src 'self'"),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void templatesHoldNoInlineScript() throws Exception {
        var root = java.nio.file.Path.of("src/main/resources/templates");
        try (var files = java.nio.file.Files.walk(root)) {
            for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = java.nio.file.Files.readString(file);
                assertThat(html).as(file.toString()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                        .doesNotContainPattern("\\son[a-z]+=\"").doesNotContain("style=\"");
            }
        }
    }

    @Test
    void staffPagesNeedLoginAndFormsNeedCsrfToken() throws Exception {
        mvc.perform(get("/persons")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/persons").param("firstName", "Zonder").param("lastName", "Token").with(Staff.as(users, "demo-frontdesk")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from person where last_name = 'Token'").query(Long.class).single()).isZero();
    }

    @Test
    void loginLogoutAndRolesAreEnforced() throws Exception {
        mvc.perform(formLogin("/login").user("demo-frontdesk").password("demo")).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("demo-frontdesk").password("wrong")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/logout").with(Staff.as(users, "demo-frontdesk")).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/admin/users").with(Staff.as(users, "demo-frontdesk"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(Staff.as(users, "demo-admin"))).andExpect(status().isOk());
    }

    @Test
    void passwordsAreStoredAsAdaptiveHashes() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'demo-frontdesk'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("demo");
    }

    @Test
    void fiveFailedLoginsLockTheAccountForFormAndApi() throws Exception {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        UUID org = jdbc.sql("select organisation_id from app_user where username = 'demo-frontdesk'").query(UUID.class).single();
        provisioning.user(tenant, org, "lockout-test", "Lock Test", "correct-horse-battery", Set.of(Role.FRONT_DESK));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("lockout-test").password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("lockout-test").password("correct-horse-battery")).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/api/v1/persons").param("q", "x").with(httpBasic("lockout-test", "correct-horse-battery")))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select locked_until from app_user where username = 'lockout-test'").query(Object.class).single()).isNotNull();
    }

    @Test
    void openApiDocumentDescribesTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("/api/v1/persons/{id}", "/api/v1/households"));
    }

    @Test
    void apiRemembersAVerifiedPasswordOnlyWhileItIsStillTheStoredOne() throws Exception {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        UUID org = jdbc.sql("select organisation_id from app_user where username = 'demo-frontdesk'").query(UUID.class).single();
        provisioning.user(tenant, org, "cache-test", "Cache Test", "first-password-123", Set.of(Role.FRONT_DESK));
        mvc.perform(get("/api/v1/persons").param("q", "x").with(httpBasic("cache-test", "first-password-123"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/persons").param("q", "x").with(httpBasic("cache-test", "first-password-123"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/persons").param("q", "x").with(httpBasic("cache-test", "wrong"))).andExpect(status().isUnauthorized());
        // A new password (as the administrator sets it) makes the remembered one useless at once.
        String other = jdbc.sql("select password_hash from app_user where username = 'demo-frontdesk'").query(String.class).single();
        jdbc.sql("update app_user set password_hash = ? where username = 'cache-test'").param(other).update();
        mvc.perform(get("/api/v1/persons").param("q", "x").with(httpBasic("cache-test", "first-password-123")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/persons").param("q", "x").with(httpBasic("cache-test", "demo"))).andExpect(status().isOk());
        jdbc.sql("update app_user set enabled = false where username = 'cache-test'").update();
        mvc.perform(get("/api/v1/persons").param("q", "x").with(httpBasic("cache-test", "demo"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/persons").param("q", "x").with(httpBasic("nobody-like-this", "demo"))).andExpect(status().isUnauthorized());
    }
}

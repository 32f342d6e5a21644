package be.loket.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import be.loket.support.Staff;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LoketTest
class AdminTests extends WebTestBase {

    UUID demodorpOrg(String type) {
        return jdbc.sql("select o.id from organisation o join tenant t on t.id = o.tenant_id where t.code = 'demodorp' and o.type = ?")
                .param(type).query(UUID.class).single();
    }

    @Test
    void adminSeesOnlyOwnMunicipalitysUsers() throws Exception {
        mvc.perform(get("/admin/users").with(Staff.as(users, "demo-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("demo-frontdesk")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("demo-socialworker-v"))));
        UUID foreign = DemoRecords.user(jdbc, "demo-socialworker-v");
        mvc.perform(get("/admin/users/" + foreign).with(Staff.as(users, "demo-admin"))).andExpect(status().isNotFound());
        UUID foreignOrg = jdbc.sql("select organisation_id from app_user where username = 'demo-socialworker-v'").query(UUID.class).single();
        mvc.perform(get("/admin/organisations/" + foreignOrg).with(Staff.as(users, "demo-admin"))).andExpect(status().isNotFound());
    }

    @Test
    void adminCreatesAUserWhoCanLogIn() throws Exception {
        mvc.perform(post("/admin/users").with(Staff.as(users, "demo-admin")).with(csrf())
                        .param("username", "nieuwe.collega").param("displayName", "Nieuwe Collega")
                        .param("organisationId", demodorpOrg("SOCIAL_SERVICE").toString()).param("roles", "SOCIAL_WORKER")
                        .param("language", "nl").param("enabled", "true").param("newPassword", "een-lang-wachtwoord"))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(users.loadUserByUsername("nieuwe.collega").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SOCIAL_WORKER");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'USER' and action = 'CREATE'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void badUserInputIsRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        long before = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        mvc.perform(post("/admin/users").with(Staff.as(users, "demo-admin")).with(csrf()).header("Accept-Language", "en")
                        .param("username", "Bad Name!").param("displayName", "")
                        .param("organisationId", demodorpOrg("DEBT_MEDIATION").toString()).param("roles", "SOCIAL_WORKER")
                        .param("language", "nl").param("newPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Use 3 to 60 lower-case letters")))
                .andExpect(content().string(Matchers.containsString("Fill in this field.")))
                .andExpect(content().string(Matchers.containsString("The Partner role belongs with a partner organisation")))
                .andExpect(content().string(Matchers.containsString("at least 12 characters")));
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void adminManagesOrganisations() throws Exception {
        mvc.perform(post("/admin/organisations").with(Staff.as(users, "demo-admin")).with(csrf())
                        .param("name", "Vrijwilligersnetwerk Demodorp").param("type", "OTHER_PARTNER").param("active", "true"))
                .andExpect(redirectedUrl("/admin/organisations"));
        mvc.perform(post("/admin/organisations").with(Staff.as(users, "demo-admin")).with(csrf())
                        .param("name", "vrijwilligersnetwerk demodorp").param("type", "OTHER_PARTNER"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Er bestaat al een organisatie")));
        mvc.perform(get("/admin/organisations").with(Staff.as(users, "demo-teamlead"))).andExpect(status().isForbidden());
    }

    @org.springframework.beans.factory.annotation.Autowired
    be.loket.platform.calendar.WorkingDays workingDays;

    @Test
    void adminKeepsClosingDaysThatMoveDueDates() throws Exception {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        var christmasEve = java.time.LocalDate.of(2026, 12, 24);
        org.assertj.core.api.Assertions.assertThat(workingDays.addWorkingDays(tenant, christmasEve, 2)).isEqualTo("2026-12-29");
        mvc.perform(post("/admin/closing-days").with(Staff.as(users, "demo-admin")).with(csrf())
                        .param("day", "2026-07-11").param("label", "Feest van de Vlaamse Gemeenschap"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("valt in het weekend")));
        mvc.perform(post("/admin/closing-days").with(Staff.as(users, "demo-admin")).with(csrf()).header("Accept-Language", "fr")
                        .param("day", "2026-12-28").param("label", ""))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Donnez une courte description")));
        try {
            mvc.perform(post("/admin/closing-days").with(Staff.as(users, "demo-admin")).with(csrf())
                            .param("day", "2026-12-28").param("label", "Tussen Kerstmis en Nieuwjaar"))
                    .andExpect(redirectedUrl("/admin/closing-days"));
            mvc.perform(get("/admin/closing-days").with(Staff.as(users, "demo-admin")))
                    .andExpect(content().string(Matchers.containsString("Tussen Kerstmis en Nieuwjaar")));
            org.assertj.core.api.Assertions.assertThat(workingDays.addWorkingDays(tenant, christmasEve, 2)).isEqualTo("2026-12-30");
            UUID other = DemoRecords.tenant(jdbc, "voorbeeldegem");
            org.assertj.core.api.Assertions.assertThat(workingDays.addWorkingDays(other, christmasEve, 2)).isEqualTo("2026-12-29");
            mvc.perform(get("/admin/closing-days").with(Staff.as(users, "demo-frontdesk"))).andExpect(status().isForbidden());
        } finally {
            mvc.perform(post("/admin/closing-days/remove").with(Staff.as(users, "demo-admin")).with(csrf()).param("day", "2026-12-28"))
                    .andExpect(redirectedUrl("/admin/closing-days"));
        }
        org.assertj.core.api.Assertions.assertThat(workingDays.addWorkingDays(tenant, christmasEve, 2)).isEqualTo("2026-12-29");
    }
}

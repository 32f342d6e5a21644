package be.loket.eligibility;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import org.junit.jupiter.api.Test;

@LoketTest
class RulesAdminTests extends WebTestBase {

    @Test
    void administratorSeesTheRulesAndReloads() throws Exception {
        mvc.perform(get("/admin/rules").with(Staff.as(users, "demo-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Er is geen map voor eigen regelbestanden ingesteld")));
        mvc.perform(post("/admin/rules/reload").with(Staff.as(users, "demo-admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/rules?reloaded=true"));
    }

    @Test
    void othersMayNotReload() throws Exception {
        mvc.perform(post("/admin/rules/reload").with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().isForbidden());
    }
}

package be.loket.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The administrator's page for the municipality's own rule files (the test profile sets an empty LOKET_RULES_DIR). */
@LoketTest
class RulesAdminTests extends WebTestBase {
    @Autowired
    Eligibility eligibility;

    String rights() throws Exception {
        return mvc.perform(get("/api/v1/rights").with(httpBasic("demo-socialworker", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    String reload() throws Exception {
        return mvc.perform(post("/admin/rules/reload").with(Staff.as(users, "demo-admin")).with(csrf()))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void administratorSeesTheRulesAndReloads() throws Exception {
        mvc.perform(get("/admin/rules").with(Staff.as(users, "demo-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nog geen eigen regelbestanden.")));
        mvc.perform(post("/admin/rules/reload").with(Staff.as(users, "demo-admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/rules?reloaded=true"));
    }

    @Test
    void anInvalidFileIsRefusedWithItsReportAndThePreviousRulesStayInForce() throws Exception {
        Path dir = Files.createDirectories(eligibility.rulesDirectory().resolve("demodorp"));
        Path file = dir.resolve("eigen.yaml");
        String valid = RulesReloadTests.RIGHT.replace("voorbeeldegem", "demodorp");
        try {
            Files.writeString(file, valid);
            assertThat(reload()).isEmpty();
            String withOwn = rights();
            assertThat(withOwn).contains("\"voorbeeldpremie\"");

            Files.writeString(file, valid.replace("household.isTenant", "household.isTennant"));
            String page = mvc.perform(post("/admin/rules/reload").with(Staff.as(users, "demo-admin")).with(csrf()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            var alert = Jsoup.parse(page).select("main .alert.error");
            assertThat(alert.select("p").text()).isEqualTo("De regelbestanden zijn geweigerd. De vorige regels blijven gelden. Verbeter deze fouten en herlaad opnieuw:");
            assertThat(alert.select("pre").text()).isEqualTo(
                    "demodorp/eigen.yaml:19: unknown fact 'household.isTennant' in \"household.isTennant\"");
            assertThat(rights()).isEqualTo(withOwn);
            assertThat(Jsoup.parse(page).select("main li").text()).isEqualTo("demodorp/eigen.yaml");

            Files.delete(file);
            mvc.perform(post("/admin/rules/reload").with(Staff.as(users, "demo-admin")).with(csrf()))
                    .andExpect(redirectedUrl("/admin/rules?reloaded=true"));
            assertThat(rights()).doesNotContain("\"voorbeeldpremie\"");
        } finally {
            // The context is shared: leave the rules as every other test expects them.
            Files.deleteIfExists(file);
            eligibility.reload("demodorp");
        }
    }

    @Test
    void othersMayNotReload() throws Exception {
        mvc.perform(post("/admin/rules/reload").with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().isForbidden());
    }
}

package be.loket.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.person.People;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Only the municipality's own social-service staff see campaigns. A partner, the front desk, the committee,
 * the administrator and another municipality's worker get "not found" on every page; forms need the CSRF token.
 */
@LoketTest
class CampaignAccessTests extends WebTestBase {
    @Autowired
    People people;

    @Test
    void nobodyButTheOwnWorkersSeesACampaign() throws Exception {
        var fx = new CampaignFixture(mvc, jdbc, users, people);
        UUID entry = fx.onArrearsList(List.of(fx.citizen("Rik", CampaignFixture.unique("Toegang"), null, null))).get(0);
        UUID campaign = fx.campaign("Geheim", null, CampaignFixture.methods(List.of(entry), "LETTER"));
        UUID member = fx.member(campaign, entry);
        List<String> pages = List.of("/campaigns", "/campaigns/new", "/campaigns/new?list=rent-arrears", "/campaigns/" + campaign,
                "/campaigns/" + campaign + "/letters.pdf", "/campaigns/" + campaign + "/people/" + member, "/campaigns/effectiveness",
                "/campaigns/effectiveness?campaign=" + campaign);
        for (String user : List.of("demo-partner", "demo-frontdesk", "demo-committee", "demo-admin", "demo-socialworker-v")) {
            // Voorbeeldegem's worker has campaign pages of her own, but none of Demodorp's records.
            for (String page : user.equals("demo-socialworker-v") ? pages.stream().filter(p -> p.contains(campaign.toString())).toList() : pages) {
                mvc.perform(get(page).with(Staff.as(users, user))).andExpect(status().isNotFound());
            }
            mvc.perform(post("/campaigns/" + campaign + "/people/" + member + "/attempts").with(Staff.as(users, user)).with(csrf())
                    .param("method", "LETTER").param("date", "2026-01-01").param("slot", "MORNING").param("outcome", "APPLIED"))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/campaigns/" + campaign + "/send").with(Staff.as(users, user)).with(csrf())).andExpect(status().isNotFound());
            mvc.perform(post("/campaigns").with(Staff.as(users, user)).with(csrf()).param("name", "X").param("worklistKey", "rent-arrears")
                    .param("methods[" + entry + "]", "LETTER")).andExpect(status().isNotFound());
        }
        mvc.perform(get("/").with(Staff.as(users, "demo-partner")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/campaigns\""))));
        for (String user : List.of("demo-socialworker", "demo-specialist", "demo-teamlead")) {
            mvc.perform(get("/campaigns/" + campaign).with(Staff.as(users, user))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("href=\"/campaigns\"")));
        }
        assertThat(jdbc.sql("select count(*) from campaign_attempt where member_id = ?").param(member).query(Long.class).single()).isZero();
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        long before = jdbc.sql("select count(*) from campaign").query(Long.class).single();
        mvc.perform(post("/campaigns").with(Staff.as(users, "demo-socialworker")).param("name", "Zonder token")
                .param("worklistKey", "rent-arrears")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from campaign").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void everyReadOfTheContactListIsAudited() throws Exception {
        var fx = new CampaignFixture(mvc, jdbc, users, people);
        UUID entry = fx.onArrearsList(List.of(fx.citizen("Sien", CampaignFixture.unique("Audit"), null, null))).get(0);
        UUID campaign = fx.campaign("Gelezen", null, CampaignFixture.methods(List.of(entry), "HOME_VISIT"));
        mvc.perform(get("/campaigns/" + campaign).with(Staff.as(users, "demo-teamlead"))).andExpect(status().isOk());
        mvc.perform(get("/campaigns/" + campaign + "/people/" + fx.member(campaign, entry)).with(Staff.as(users, "demo-teamlead")))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'demo-teamlead' and action = 'READ'"
                + " and entity_id in (?, ?)").params(campaign, fx.member(campaign, entry)).query(Long.class).single()).isEqualTo(2);
    }
}

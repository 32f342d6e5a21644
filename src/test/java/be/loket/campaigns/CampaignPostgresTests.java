package be.loket.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.campaigns.CampaignFixture.Citizen;
import be.loket.campaigns.internal.Effectiveness;
import be.loket.person.People;
import be.loket.platform.SystemActor;
import be.loket.support.LoketPostgresTest;
import be.loket.support.Staff;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A campaign on a real PostgreSQL: creation, letter batch, SMS, attempts with and without time and duration, effectiveness. */
@LoketPostgresTest
class CampaignPostgresTests {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;
    @Autowired
    Effectiveness effectiveness;

    @Test
    void aCampaignRunsOnPostgresql() throws Exception {
        var fx = new CampaignFixture(mvc, jdbc, users, people);
        List<Citizen> citizens = List.of(fx.citizen("Pia", CampaignFixture.unique("Pg"), null, null),
                fx.citizen("Quirijn", CampaignFixture.unique("Pg"), "0499 00 88 01", null),
                fx.citizen("Roos", CampaignFixture.unique("Pg"), null, null));
        List<UUID> entries = fx.onArrearsList(citizens);
        UUID campaign = fx.campaign("Postgres", "met logo\nzonder logo", CampaignFixture.methods(entries, "LETTER", "SMS", "PHONE_CALL"));

        byte[] pdf = mvc.perform(get("/campaigns/" + campaign + "/letters.pdf").with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentCatalog().getDocumentOutline().children()).hasSize(1);
        }
        mvc.perform(post("/campaigns/" + campaign + "/send").with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String today = LocalDate.now(ZoneId.of("Europe/Brussels")).toString();
        mvc.perform(post("/campaigns/" + campaign + "/people/" + fx.member(campaign, entries.get(2)) + "/attempts")
                .with(Staff.as(users, "demo-socialworker")).with(csrf()).param("method", "PHONE_CALL").param("date", today)
                .param("slot", "MORNING").param("outcome", "NO_ANSWER")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/campaigns/" + campaign + "/people/" + fx.member(campaign, entries.get(2)) + "/attempts")
                .with(Staff.as(users, "demo-socialworker")).with(csrf()).param("method", "PHONE_CALL").param("date", today)
                .param("time", "16:45").param("outcome", "APPLIED").param("duration", "20")).andExpect(status().is3xxRedirection());

        mvc.perform(get("/campaigns/" + campaign).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Heeft aangevraagd")));
        mvc.perform(get("/campaigns/" + campaign + "/people/" + fx.member(campaign, entries.get(2))).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("16:45")));
        mvc.perform(get("/campaigns").with(Staff.as(users, "demo-socialworker"))).andExpect(status().isOk());
        mvc.perform(get("/campaigns/effectiveness").param("campaign", campaign.toString()).param("from", "01/01/2026")
                        .with(Staff.as(users, "demo-teamlead")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("1 van 1 (100 %)")));
        var report = SystemActor.runAs(fx.tenant(), "test", () -> effectiveness.report(campaign, LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(1)));
        assertThat(report.campaigns()).isEqualTo(1);
        assertThat(ContactAttemptTests.line(report.byMethod(), "PHONE_CALL")).isEqualTo(new Effectiveness.Line("PHONE_CALL", 1, 2, 1, 1));
        assertThat(ContactAttemptTests.line(report.byMethod(), "SMS")).isEqualTo(new Effectiveness.Line("SMS", 1, 0, 0, 0));
        assertThat(ContactAttemptTests.line(report.bySlot(), "AFTERNOON")).isEqualTo(new Effectiveness.Line("AFTERNOON", 1, 1, 1, 1));
        assertThat(jdbc.sql("select sent_channel from campaign_member where campaign_id = ? order by position").param(campaign)
                .query(String.class).list()).containsExactly("POST", "SMS", null);
    }
}

package be.loket.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.campaigns.internal.Effectiveness;
import be.loket.person.People;
import be.loket.platform.SystemActor;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Logging contact attempts (validated, nothing half-saved) and what the effectiveness view makes of them. */
@LoketTest
class ContactAttemptTests extends WebTestBase {
    @Autowired
    People people;
    @Autowired
    Effectiveness effectiveness;
    CampaignFixture fx;
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));

    @BeforeEach
    void fixture() {
        fx = new CampaignFixture(mvc, jdbc, users, people);
    }

    MockHttpServletRequestBuilder attempt(UUID campaign, UUID member) {
        return post("/campaigns/" + campaign + "/people/" + member + "/attempts").with(Staff.as(users, "demo-socialworker")).with(csrf());
    }

    @Test
    void aWrongAttemptIsRefusedWithSpecificMessagesAndNothingIsSaved() throws Exception {
        UUID entry = fx.onArrearsList(List.of(fx.citizen("Lotte", CampaignFixture.unique("Poging"), null, null))).get(0);
        UUID campaign = fx.campaign("Pogingen", null, CampaignFixture.methods(List.of(entry), "PHONE_CALL"));
        UUID member = fx.member(campaign, entry);
        mvc.perform(attempt(campaign, member).param("method", "FAX").param("date", today.plusDays(1).toString())
                        .param("outcome", "MAYBE").param("duration", "-5"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kies een manier uit de lijst: brief, sms, e-mail, telefoon of huisbezoek.")))
                .andExpect(content().string(Matchers.containsString("Deze datum ligt in de toekomst.")))
                .andExpect(content().string(Matchers.containsString("Kies een resultaat uit de lijst.")))
                .andExpect(content().string(Matchers.containsString("De duur kan niet negatief zijn.")))
                .andExpect(content().string(Matchers.containsString("Vul het uur in, of kies het dagdeel.")));
        mvc.perform(attempt(campaign, member).param("method", "PHONE_CALL").param("date", today.toString()).param("time", "09:15")
                        .param("slot", "EVENING").param("outcome", "REACHED").param("duration", "kwartier"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Het uur en het dagdeel passen niet bij elkaar.")))
                .andExpect(content().string(Matchers.containsString("Schrijf de duur als een getal in minuten, bijvoorbeeld 15.")));
        mvc.perform(attempt(campaign, member).param("method", "PHONE_CALL").param("date", today.toString()).param("time", "25:99")
                        .param("outcome", "REACHED").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("This is not a valid time. Write the time as hh:mm, for example 14:30.")));
        assertThat(jdbc.sql("select count(*) from campaign_attempt where member_id = ?").param(member).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select status from outreach_worklist_entry where id = ?").param(entry).query(String.class).single())
                .isEqualTo("OPEN");
    }

    @Test
    void aPhoneCallStaysATaskUntilThePersonIsReached() throws Exception {
        UUID entry = fx.onArrearsList(List.of(fx.citizen("Mehdi", CampaignFixture.unique("Taak"), null, null))).get(0);
        UUID campaign = fx.campaign("Taken", null, CampaignFixture.methods(List.of(entry), "PHONE_CALL"));
        UUID member = fx.member(campaign, entry);
        String tasks = "id=\"tasks\"";
        mvc.perform(get("/campaigns/" + campaign).with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.containsString(tasks)));
        mvc.perform(attempt(campaign, member).param("method", "PHONE_CALL").param("date", today.toString()).param("slot", "MORNING")
                        .param("outcome", "NO_ANSWER")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/campaigns/" + campaign).with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.containsString(tasks)))
                .andExpect(content().string(Matchers.containsString("Geen antwoord")));
        assertThat(jdbc.sql("select status from outreach_worklist_entry where id = ?").param(entry).query(String.class).single())
                .as("not reached yet").isEqualTo("OPEN");
        mvc.perform(attempt(campaign, member).param("method", "PHONE_CALL").param("date", today.toString()).param("time", "13:05")
                        .param("outcome", "REACHED").param("duration", "12")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/campaigns/" + campaign).with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(tasks))))
                .andExpect(content().string(Matchers.containsString("Er zijn geen telefoons of huisbezoeken meer te doen.")));
        assertThat(jdbc.sql("select time_slot || ' ' || weekday || ' ' || duration_minutes from campaign_attempt where member_id = ?"
                + " and outcome = 'REACHED'").param(member).query(String.class).single())
                .isEqualTo("AFTERNOON " + today.getDayOfWeek().getValue() + " 12");
        assertThat(jdbc.sql("select status from outreach_worklist_entry where id = ?").param(entry).query(String.class).single())
                .isEqualTo("CONTACTED");
        mvc.perform(get("/campaigns/" + campaign + "/people/" + member).with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.containsString("12 min")));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'CAMPAIGN_MEMBER' and entity_id = ?"
                + " and action = 'CREATE'").param(member).query(Long.class).single()).as("the member and its two attempts").isEqualTo(3);
    }

    @Test
    void theEffectivenessViewCountsPeopleAttemptsReachedAndAppliedPerMethodVariantWeekdayAndSlot() throws Exception {
        List<UUID> entries = fx.onArrearsList(List.of(fx.citizen("Nina", CampaignFixture.unique("Effect"), null, null),
                fx.citizen("Omar", CampaignFixture.unique("Effect"), null, null),
                fx.citizen("Paula", CampaignFixture.unique("Effect"), null, null),
                fx.citizen("Quinten", CampaignFixture.unique("Effect"), null, null)));
        UUID campaign = fx.campaign("Effect", "met logo\nzonder logo",
                CampaignFixture.methods(entries, "LETTER", "LETTER", "PHONE_CALL", "HOME_VISIT"));
        // A letter that led to an application; a call that got no answer twice, then an appointment; a closed door.
        mvc.perform(attempt(campaign, fx.member(campaign, entries.get(0))).param("method", "LETTER").param("date", today.toString())
                .param("slot", "MORNING").param("outcome", "APPLIED")).andExpect(status().is3xxRedirection());
        for (String outcome : List.of("NO_ANSWER", "NO_ANSWER", "APPOINTMENT_MADE")) {
            mvc.perform(attempt(campaign, fx.member(campaign, entries.get(2))).param("method", "PHONE_CALL").param("date", today.toString())
                    .param("time", "10:00").param("outcome", outcome)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(attempt(campaign, fx.member(campaign, entries.get(3))).param("method", "HOME_VISIT").param("date", today.toString())
                .param("time", "19:00").param("outcome", "DOOR_CLOSED").param("duration", "5")).andExpect(status().is3xxRedirection());

        var report = SystemActor.runAs(fx.tenant(), "test", () -> effectiveness.report(campaign, null, null));
        assertThat(line(report.byMethod(), "LETTER")).isEqualTo(new Effectiveness.Line("LETTER", 2, 1, 1, 1));
        assertThat(line(report.byMethod(), "PHONE_CALL")).isEqualTo(new Effectiveness.Line("PHONE_CALL", 1, 3, 1, 0));
        assertThat(line(report.byMethod(), "HOME_VISIT")).isEqualTo(new Effectiveness.Line("HOME_VISIT", 1, 1, 0, 0));
        assertThat(line(report.byMethod(), "SMS")).isEqualTo(new Effectiveness.Line("SMS", 0, 0, 0, 0));
        assertThat(report.byVariant()).extracting(Effectiveness.Line::people).containsExactlyInAnyOrder(1, 1);
        String day = today.getDayOfWeek().name();
        assertThat(line(report.byWeekday(), day)).isEqualTo(new Effectiveness.Line(day, 3, 5, 2, 1));
        assertThat(line(report.bySlot(), "MORNING")).isEqualTo(new Effectiveness.Line("MORNING", 2, 4, 2, 1));
        assertThat(line(report.bySlot(), "EVENING")).isEqualTo(new Effectiveness.Line("EVENING", 1, 1, 0, 0));
        assertThat(line(report.bySlot(), "AFTERNOON")).isEqualTo(new Effectiveness.Line("AFTERNOON", 0, 0, 0, 0));

        mvc.perform(get("/campaigns/effectiveness").param("campaign", campaign.toString()).with(Staff.as(users, "demo-teamlead")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1 van 2 (50 %)")))
                .andExpect(content().string(Matchers.containsString("2 van 2 (100 %)")))
                .andExpect(content().string(Matchers.containsString("met logo")));
        mvc.perform(get("/campaigns/effectiveness").param("from", "31/12/2026").param("to", "01/01/2026")
                        .with(Staff.as(users, "demo-teamlead")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("De einddatum ligt voor de begindatum.")));
        mvc.perform(get("/campaigns/effectiveness").param("from", "gisteren").with(Staff.as(users, "demo-teamlead")))
                .andExpect(content().string(Matchers.containsString("Dit is geen geldige datum.")));
        // A period before any campaign: nothing counted.
        var empty = SystemActor.runAs(fx.tenant(), "test", () -> effectiveness.report(null, LocalDate.of(2000, 1, 1), LocalDate.of(2000, 12, 31)));
        assertThat(empty.campaigns()).isZero();
        assertThat(empty.byMethod()).allMatch(l -> l.people() == 0);
    }

    static Effectiveness.Line line(List<Effectiveness.Line> lines, String group) {
        return lines.stream().filter(l -> l.group().equals(group)).findFirst().orElseThrow();
    }
}

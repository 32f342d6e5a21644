package be.loket.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.DemoRecords;
import be.loket.support.LoketPostgresTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * PostgreSQL's driver returns every timestamptz in UTC; pages must still show the municipality's time
 * (ADR 0014). H2 keeps the offset it was given, which is why this runs on PostgreSQL.
 */
@LoketPostgresTest
class TimesPostgresTests extends WebTestBase {

    @Test
    void frontDeskDayViewShowsContactTimesInBrusselsSummerAndWinterTime() throws Exception {
        String summer = "Tijdzone zomer " + UUID.randomUUID();
        String winter = "Tijdzone winter " + UUID.randomUUID();
        UUID site = mainOffice();
        contactAt(site, summer, OffsetDateTime.parse("2026-07-01T10:15:00Z"), LocalDate.parse("2026-07-01"));
        contactAt(site, winter, OffsetDateTime.parse("2026-01-15T10:15:00Z"), LocalDate.parse("2026-01-15"));

        assertThat(row(page("/intake?site=" + site + "&date=2026-07-01", "demo-frontdesk"), summer)).contains(">12:15<");
        assertThat(row(page("/intake?site=" + site + "&date=2026-01-15", "demo-frontdesk"), winter)).contains(">11:15<");
    }

    @Test
    void overdueListShowsTheBrusselsDayOfAContactJustAfterMidnight() throws Exception {
        String question = "Tijdzone middernacht " + UUID.randomUUID();
        // 22:30 UTC on 30 June is 00:30 on 1 July in Brussels: the date itself must move too.
        contactAt(mainOffice(), question, OffsetDateTime.parse("2026-06-30T22:30:00Z"), LocalDate.parse("2026-07-01"));

        assertThat(row(page("/intake/overdue", "demo-teamlead"), question)).contains(">01/07/2026 00:30<");
    }

    @Test
    void dossierPageShowsOpeningDayAndHistoryInBrusselsTime() throws Exception {
        UUID person = jdbc.sql("""
                select p.id from person p join tenant t on t.id = p.tenant_id where t.code = 'demodorp'
                and not exists (select 1 from dossier d where d.person_id = p.id) order by p.search_name limit 1""")
                .query(UUID.class).single();
        UUID id = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/dossiers").with(httpBasic("demo-frontdesk", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"personId": "%s", "ownerId": "%s", "lifeDomains": ["DEBT"]}"""
                                .formatted(person, DemoRecords.user(jdbc, "demo-socialworker"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        jdbc.sql("update dossier set opened_at = ? where id = ?").params(OffsetDateTime.parse("2026-06-30T22:30:00Z"), id).update();
        jdbc.sql("""
                insert into dossier_change (id, tenant_id, dossier_id, what, old_value, new_value, reason, changed_at, changed_by)
                select ?, tenant_id, id, 'STATUS', 'OPEN', 'IN_FOLLOW_UP', 'tijdzonetest', ?, 'demo-socialworker' from dossier where id = ?""")
                .params(UUID.randomUUID(), OffsetDateTime.parse("2026-01-15T10:15:00Z"), id).update();

        String html = page("/dossiers/" + id, "demo-socialworker");
        assertThat(html).contains("15/01/2026 11:15: demo-socialworker").doesNotContain("15/01/2026 10:15");
        assertThat(html).containsPattern("Geopend[^<]*</dt>\\s*<dd>01/07/2026</dd>");
    }

    private UUID mainOffice() {
        return jdbc.sql("select s.id from site s join tenant t on t.id = s.tenant_id where t.code = 'demodorp' and s.kind = 'MAIN_OFFICE'")
                .query(UUID.class).single();
    }

    /** Registers an open contact through the API, then moves it to a known moment (the API refuses old moments). */
    private void contactAt(UUID site, String question, OffsetDateTime at, LocalDate brusselsDay) throws Exception {
        String location = mvc.perform(post("/api/v1/contacts").with(httpBasic("demo-frontdesk", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"siteId": "%s", "channel": "PHONE", "themes": ["WATER"], "question": "%s", "outcome": "TO_ANSWER"}"""
                                .formatted(site, question)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        jdbc.sql("update contact set occurred_at = ?, occurred_on = ?, due_on = ? where id = ?")
                .params(at, brusselsDay, brusselsDay.plusDays(2), UUID.fromString(location.replaceAll(".*/", ""))).update();
    }

    private String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(Staff.as(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The table row that holds the text. */
    private static String row(String html, String text) {
        Matcher m = Pattern.compile("<tr>(?:(?!</tr>).)*" + Pattern.quote(text) + ".*?</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("a row with " + text).isTrue();
        return m.group();
    }
}

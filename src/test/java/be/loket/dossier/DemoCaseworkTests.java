package be.loket.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo world the issue asks for: recent contacts (some overdue), dossiers for a third of the citizens, shared casework. */
@LoketTest
class DemoCaseworkTests extends WebTestBase {
    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void contactsOfThePastWeeksWithSomeOverdue() {
        assertThat(count("select count(*) from contact where registered_by in ('demo-frontdesk', 'demo-socialworker')"))
                .isGreaterThanOrEqualTo(100);
        assertThat(count("select count(*) from contact where handled_at is null and due_on < current_date")).isPositive();
        assertThat(count("select count(distinct occurred_on) from contact")).isGreaterThan(10);
    }

    @Test
    void dossiersForAboutAThirdOfTheDemoCitizensWithStepsOfEveryKind() {
        long citizens = count("select count(*) from person where created_by = 'demo-loader'");
        long withDossier = count("select count(distinct d.person_id) from dossier d join person p on p.id = d.person_id"
                + " where p.created_by = 'demo-loader'");
        assertThat((double) withDossier / citizens).isBetween(0.28, 0.42);
        List<String> kinds = jdbc.sql("select distinct kind from dossier_step").query(String.class).list();
        assertThat(kinds).containsExactlyInAnyOrder("NOTE", "PHONE_CALL", "LETTER", "HOME_VISIT", "REFERRAL", "PARTNER_ACTION",
                "DECISION", "DOCUMENT");
        assertThat(count("select count(*) from dossier where owner_id is null")).isPositive();
        assertThat(count("select count(*) from dossier where status = 'CLOSED' and close_reason is not null")).isPositive();
        assertThat(count("""
                select count(*) from dossier d join household_member m on m.household_id = d.household_id and m.person_id = d.person_id
                where m.valid_to is null and d.open_household_id = d.household_id""")).as("a dossier of a whole household").isEqualTo(1);
        // Voorbeeldegem's demo contacts all say DOSSIER: each has its dossier and is handled (other tests work in Demodorp).
        assertThat(count("""
                select count(*) from contact c join tenant t on t.id = c.tenant_id where t.code = 'voorbeeldegem'
                and c.outcome = 'DOSSIER' and (c.dossier_id is null or c.handled_at is null)""")).isZero();
        assertThat(count("""
                select count(*) from contact c join tenant t on t.id = c.tenant_id where t.code = 'voorbeeldegem'
                and c.outcome = 'DOSSIER'""")).isPositive();
    }

    @Test
    void severalOfSamirasDossiersAreSharedWithDebtMediationWithInternalSharedAndUnseenPartnerSteps() throws Exception {
        long shared = count("""
                select count(*) from dossier d join app_user u on u.id = d.owner_id
                join dossier_share s on s.dossier_id = d.id and s.ended_at is null
                join organisation o on o.id = s.organisation_id and o.type = 'DEBT_MEDIATION'
                where u.username = 'demo-socialworker'
                and exists (select 1 from dossier_step x where x.dossier_id = d.id and x.visibility = 'INTERNAL')
                and exists (select 1 from dossier_step x where x.dossier_id = d.id and x.visibility = 'SHARED' and not x.by_partner)
                and exists (select 1 from dossier_step x where x.dossier_id = d.id and x.by_partner)""");
        assertThat(shared).isGreaterThanOrEqualTo(3);
        String partnerView = mvc.perform(get("/api/v1/dossiers").param("owner", "me").with(httpBasic("demo-partner", "demo")))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(partnerView, "$[*].id")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(count("""
                select count(*) from dossier d join app_user u on u.id = d.owner_id where u.username = 'demo-socialworker'
                and exists (select 1 from dossier_step x where x.dossier_id = d.id and x.by_partner and x.created_at > d.owner_seen_at)"""))
                .as("partner steps the owner has not seen yet").isPositive();
    }
}

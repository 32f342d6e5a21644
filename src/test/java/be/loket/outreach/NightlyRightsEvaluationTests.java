package be.loket.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.outreach.internal.NightlyRightsEvaluation;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The nightly run evaluates every citizen with partner facts once per day per tenant, on one instance only,
 * and changes nothing when nothing changed (the demo lists stay as they are, the workers' statuses too).
 */
@LoketTest
class NightlyRightsEvaluationTests extends WebTestBase {
    @Autowired
    NightlyRightsEvaluation nightly;

    @Test
    void runsOncePerDayAndKeepsTheWorklistsAsTheyAre() {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        jdbc.sql("delete from outreach_job where tenant_id = ? and job_name = 'rights-evaluation'").param(tenant).update();
        long active = jdbc.sql("select count(*) from outreach_right_entry where tenant_id = ? and active = true").param(tenant)
                .query(Long.class).single();
        assertThat(active).as("the demo lists fill the worklists").isPositive();
        UUID entry = jdbc.sql("select id from outreach_right_entry where tenant_id = ? and active = true order by id limit 1").param(tenant)
                .query(UUID.class).single();
        jdbc.sql("update outreach_right_entry set status = 'CONTACTED' where id = ?").param(entry).update();

        assertThat(nightly.runIfDue(tenant)).hasValueSatisfying(households -> assertThat(households).isPositive());
        // Claimed for a day: a second instance (or a second poll) does nothing.
        assertThat(nightly.runIfDue(tenant)).isEmpty();
        assertThat(jdbc.sql("select count(*) from outreach_right_entry where tenant_id = ? and active = true").param(tenant)
                .query(Long.class).single()).isEqualTo(active);
        assertThat(jdbc.sql("select status from outreach_right_entry where id = ?").param(entry).query(String.class).single())
                .isEqualTo("CONTACTED");
    }
}

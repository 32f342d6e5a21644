package be.loket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every recurring job is a db-scheduler task with its next run planned in the one table (ADR 0009). */
@LoketTest
class ScheduledJobsTests extends WebTestBase {
    static final List<String> JOBS = List.of("grant-reminders", "grant-proposals", "retention-purge", "nightly-rights-evaluation",
            "letter-retries");

    @Test
    void everyJobIsPlannedOnceInTheSchedulerTable() {
        assertJobsPlanned(jdbc);
    }

    /** One row per job, not picked, next run in the future (a cron schedule never runs at start-up). */
    static void assertJobsPlanned(JdbcClient jdbc) {
        Map<String, OffsetDateTime> planned = jdbc.sql("select task_name, execution_time from scheduled_tasks where not picked")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(planned).containsKeys(JOBS.toArray(String[]::new));
        OffsetDateTime now = OffsetDateTime.now();
        JOBS.forEach(job -> assertThat(planned.get(job)).as("%s in %s", job, planned).isAfter(now.minusMinutes(1)));
        assertThat(jdbc.sql("select count(*) from scheduled_tasks").query(Long.class).single()).isEqualTo(JOBS.size());
    }
}

package be.loket.outreach.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cluster-safe claims of recurring jobs per tenant in {@code outreach_job} (ADR 0400): an instance runs a
 * job only after one conditional update gave it the row, so several instances never run it at once.
 */
@Component
class JobClaims {
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;
    private final Clock clock;

    JobClaims(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    OffsetDateTime now() {
        // Truncated: the column keeps microseconds and would round a nanosecond clock up, past "now" itself.
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    /** One conditional update: of several instances at most one gets the row (the database serialises the update). */
    boolean claim(UUID tenant, String job, Duration lease) {
        OffsetDateTime now = now();
        try {
            jdbc.sql("insert into outreach_job (tenant_id, job_name, next_run_at) select ?, ?, ? where not exists"
                    + " (select 1 from outreach_job where tenant_id = ? and job_name = ?)")
                    .params(tenant, job, now, tenant, job).update();
        } catch (DuplicateKeyException raced) {
            // Another instance created the row at the same moment; the claim below decides.
        }
        return jdbc.sql("""
                        update outreach_job set locked_until = ?, locked_by = ?
                        where tenant_id = ? and job_name = ? and next_run_at <= ? and (locked_until is null or locked_until < ?)""")
                .params(now.plus(lease), INSTANCE, tenant, job, now, now).update() == 1;
    }

    /** Frees the claim and sets the next run. */
    void release(UUID tenant, String job, Duration interval) {
        OffsetDateTime now = now();
        jdbc.sql("""
                update outreach_job set locked_until = null, locked_by = null, last_run_at = ?, next_run_at = ?
                where tenant_id = ? and job_name = ? and locked_by = ?""")
                .params(now, now.plus(interval), tenant, job, INSTANCE).update();
    }
}

package be.loket.outreach.internal;

import be.loket.audit.AuditLog;
import be.loket.platform.SystemActor;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes imported partner data once the agreement's retention period has passed, and uploads nobody
 * imported. Several instances may run this: each tenant's run is claimed first with one conditional
 * update in {@code outreach_job}, so only one instance purges a tenant at a time (ADR 0400).
 */
@Component
public class RetentionPurge {
    static final String JOB = "retention-purge";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    /** What one run removed in one tenant. */
    public record Purged(int imports, int rows, int facts, int uploads) {
    }

    private final JdbcClient jdbc;
    private final JobClaims claims;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration interval;
    private final Duration lease;

    RetentionPurge(JdbcClient jdbc, JobClaims claims, TransactionTemplate tx, AuditLog audit, Clock clock,
            @Value("${loket.outreach.purge.interval:PT6H}") Duration interval, @Value("${loket.outreach.purge.lease:PT30M}") Duration lease) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.interval = interval;
        this.lease = lease;
    }

    /** Every few minutes each instance looks for due work; the claim makes the rest wait for the next interval. */
    void poll() {
        List<UUID> tenants = jdbc.sql("select distinct tenant_id from outreach_agreement").query(UUID.class).list();
        for (UUID tenant : tenants) {
            try {
                runIfDue(tenant);
            } catch (RuntimeException e) {
                LOG.error("Retention purge failed for tenant {}", tenant, e);
            }
        }
    }

    /** Purges one tenant if its run is due and no other instance holds it; empty when not claimed. */
    public java.util.Optional<Purged> runIfDue(UUID tenant) {
        if (!claim(tenant)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(SystemActor.runAs(tenant, "system-retention", () -> purge(tenant)));
        } finally {
            claims.release(tenant, JOB, interval);
        }
    }

    /** Claims this tenant's run (see {@link JobClaims}). */
    public boolean claim(UUID tenant) {
        return claims.claim(tenant, JOB, lease);
    }

    private Purged purge(UUID tenant) {
        LocalDate today = LocalDate.now(clock);
        List<UUID> due = jdbc.sql("select id from outreach_import where tenant_id = ? and purged_at is null and purge_after < ?")
                .params(tenant, today).query(UUID.class).list();
        int rows = 0;
        int facts = 0;
        for (UUID importId : due) {
            // One transaction per import: a failure leaves earlier purges done and this one untouched.
            int[] counts = tx.execute(status -> {
                // Worklist entries were derived from these facts: they go with them (the nightly run rebuilds from what is left).
                jdbc.sql("""
                        delete from outreach_right_entry where tenant_id = ? and person_id in
                        (select person_id from outreach_fact where tenant_id = ? and import_id = ?)""").params(tenant, tenant, importId).update();
                int f = jdbc.sql("delete from outreach_fact where tenant_id = ? and import_id = ?").params(tenant, importId).update();
                jdbc.sql("delete from outreach_worklist_entry where tenant_id = ? and import_id = ?").params(tenant, importId).update();
                int r = jdbc.sql("delete from outreach_row where tenant_id = ? and import_id = ?").params(tenant, importId).update();
                jdbc.sql("delete from outreach_import_error where tenant_id = ? and import_id = ?").params(tenant, importId).update();
                jdbc.sql("update outreach_import set purged_at = ? where id = ? and tenant_id = ?")
                        .params(OffsetDateTime.now(clock), importId, tenant).update();
                audit.write(AuditLog.Action.DELETE, "OUTREACH_IMPORT", importId, "retention passed: rows=" + r + " facts=" + f);
                return new int[] {r, f};
            });
            rows += counts[0];
            facts += counts[1];
        }
        int uploads = tx.execute(status -> {
            int n = jdbc.sql("delete from outreach_upload where tenant_id = ? and uploaded_at < ?")
                    .params(tenant, OffsetDateTime.now(clock).minusDays(2)).update();
            if (n > 0) {
                audit.write(AuditLog.Action.DELETE, "OUTREACH_UPLOAD", null, "abandoned uploads=" + n);
            }
            return n;
        });
        if (!due.isEmpty() || uploads > 0) {
            LOG.info("Retention purge in tenant {}: imports={} rows={} facts={} uploads={}", tenant, due.size(), rows, facts, uploads);
        }
        return new Purged(due.size(), rows, facts, uploads);
    }
}

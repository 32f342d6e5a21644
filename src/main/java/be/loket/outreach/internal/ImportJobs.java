package be.loket.outreach.internal;

import be.loket.audit.AuditLog;
import be.loket.outreach.ListType;
import be.loket.platform.Actor;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import be.loket.platform.SystemActor;
import be.loket.platform.TableStatistics;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The import as a background job (ADR 0403): the user's choice becomes a job row; after commit this
 * instance starts it on a worker thread, and every instance's poller picks up jobs nobody started or
 * whose instance died (lease passed). One conditional update claims a job, so it runs once. The job
 * reads, checks, matches and stores the rows in one transaction (all or nothing as before), then runs
 * the rights engine over the linked households; its progress is written in separate small transactions
 * so the page can show it while it runs.
 */
@Service
public class ImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    public enum State { QUEUED, RUNNING, DONE, REFUSED, FAILED }

    /** A job as the page shows it. */
    public record Job(UUID id, UUID uploadId, ListType listType, String fileName, ImportingPartnerList.Mode mode, State state,
            int rowsTotal, int rowsParsed, int rowsValidated, int rowsMatched, int households, int householdsEvaluated, UUID importId,
            List<FieldViolation> problems, OffsetDateTime createdAt, String createdBy, OffsetDateTime finishedAt) {

        public boolean running() {
            return state == State.QUEUED || state == State.RUNNING;
        }

        /** Overall progress in percent: reading, checking, matching and evaluating each count a quarter. */
        public int percent() {
            if (state == State.DONE) {
                return 100;
            }
            double parts = share(rowsParsed, rowsTotal) + share(rowsValidated, rowsTotal) + share(rowsMatched, rowsTotal)
                    + share(householdsEvaluated, households);
            return (int) Math.floor(parts * 25);
        }

        private static double share(int done, int total) {
            return total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        }
    }

    /** From this many linked citizens, the tables' statistics are refreshed before the rights evaluation reads them. */
    static final int FRESH_STATISTICS = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ImportingPartnerList importing;
    private final RightsWorklists rights;
    private final AuditLog audit;
    private final Clock clock;
    private final Executor executor;
    private final Duration lease;
    private final TransactionTemplate progressTx;

    ImportJobs(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ImportingPartnerList importing, RightsWorklists rights, AuditLog audit, Clock clock,
            @Qualifier("applicationTaskExecutor") Executor executor, @Value("${loket.outreach.jobs.lease:PT5M}") Duration lease,
            PlatformTransactionManager transactions) {
        this.progressTx = new TransactionTemplate(transactions);
        this.progressTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.importing = importing;
        this.rights = rights;
        this.audit = audit;
        this.clock = clock;
        this.executor = executor;
        this.lease = lease;
    }

    /**
     * Queues the import of an upload with the user's mapping and choice; it starts once this transaction
     * commits. A second click while the upload's job is waiting or running returns that job.
     */
    @org.springframework.transaction.annotation.Transactional
    public UUID queue(UUID uploadId, Map<ListField, String> mapping, ImportingPartnerList.Mode mode) {
        Actor actor = OutreachAccess.worker();
        ImportingPartnerList.Upload upload = importing.upload(uploadId);
        Optional<UUID> pending = jdbc.sql("""
                        select id from outreach_import_job where tenant_id = ? and upload_id = ? and state in ('QUEUED', 'RUNNING')""")
                .params(actor.tenantId(), uploadId).query(UUID.class).optional();
        if (pending.isPresent()) {
            return pending.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into outreach_import_job (id, tenant_id, upload_id, list_type, file_name, mode, mapping, state, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)""")
                .params(id, actor.tenantId(), uploadId, upload.listType().name(), upload.fileName(), mode.name(),
                        mapping == null ? null : ImportingPartnerList.encodeMapping(mapping), now(), actor.username())
                .update();
        audit.write(AuditLog.Action.CREATE, "OUTREACH_IMPORT_JOB", id, upload.listType() + " " + upload.fileName() + " mode=" + mode);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    start(id);
                }
            });
        } else {
            start(id);
        }
        return id;
    }

    private void start(UUID id) {
        try {
            executor.execute(() -> run(id));
        } catch (RuntimeException busy) {
            // The poller starts it later.
            LOG.warn("Import job {} not started now: {}", id, busy.toString());
        }
    }

    /** The job of the acting user's municipality; {@link NotFoundException} otherwise. */
    public Job job(UUID id) {
        Actor actor = OutreachAccess.worker();
        return jdbc.sql("select * from outreach_import_job where id = ? and tenant_id = ?").params(id, actor.tenantId())
                .query(ImportJobs::job).optional().orElseThrow(() -> new NotFoundException("Import job"));
    }

    /** The municipality's recent jobs, newest first: running ones the user left, finished ones with their result. */
    public List<Job> recent() {
        Actor actor = OutreachAccess.worker();
        return jdbc.sql("select * from outreach_import_job where tenant_id = ? order by created_at desc limit 50").param(actor.tenantId())
                .query(ImportJobs::job).list();
    }

    /** Every instance looks for jobs nobody started or whose instance stopped (lease passed). */
    @Scheduled(fixedDelayString = "${loket.outreach.jobs.poll:PT15S}", initialDelayString = "${loket.outreach.jobs.initial-delay:PT30S}")
    void poll() {
        OffsetDateTime now = now();
        List<UUID> due = jdbc.sql("""
                        select id from outreach_import_job where (state = 'QUEUED' and created_at < ?)
                        or (state = 'RUNNING' and locked_until < ?) order by created_at""")
                .params(now.minusSeconds(5), now).query(UUID.class).list();
        // Handed to the worker threads: an import must not hold up the scheduler's other jobs.
        due.forEach(this::start);
    }

    /** Runs the job if this instance can claim it; returns whether it did. */
    public boolean run(UUID id) {
        OffsetDateTime now = now();
        int claimed = jdbc.sql("""
                        update outreach_import_job set state = 'RUNNING', locked_by = ?, locked_until = ?, started_at = ?
                        where id = ? and (state = 'QUEUED' or (state = 'RUNNING' and locked_until < ?))""")
                .params(JobClaims.INSTANCE, now.plus(lease), now, id, now).update();
        if (claimed != 1) {
            return false;
        }
        var row = jdbc.sql("select tenant_id, created_by, upload_id, mode, mapping from outreach_import_job where id = ?").param(id)
                .query((rs, i) -> new Object[] {rs.getObject("tenant_id", UUID.class), rs.getString("created_by"),
                        rs.getObject("upload_id", UUID.class), rs.getString("mode"), rs.getString("mapping")})
                .single();
        UUID tenant = (UUID) row[0];
        try {
            // The user who chose to import is the actor: the same access rules and audit as in the request.
            SystemActor.runAs(tenant, (String) row[1], () -> execute(id, (UUID) row[2], ImportingPartnerList.Mode.valueOf((String) row[3]),
                    row[4] == null ? null : ImportingPartnerList.decodeMapping((String) row[4])));
        } catch (InvalidInputException refused) {
            finish(id, State.REFUSED, null, refused.violations());
        } catch (RuntimeException e) {
            LOG.error("Import job {} failed", id, e);
            finish(id, State.FAILED, null, List.of(new FieldViolation("job", "outreach.job.failed")));
        }
        return true;
    }

    private void execute(UUID id, UUID uploadId, ImportingPartnerList.Mode mode, Map<ListField, String> mapping) {
        UUID importId = importing.importUpload(uploadId, mapping, mode, (phase, done, total) -> progress(id, switch (phase) {
            case PARSED -> "rows_parsed";
            case VALIDATED -> "rows_validated";
            case MATCHED -> "rows_matched";
        }, done, total));
        List<UUID> persons = importing.linkedPersons(importId);
        if (persons.size() >= FRESH_STATISTICS) {
            TableStatistics.refresh(jdbcTemplate, "outreach_row", "outreach_fact", "outreach_right_entry");
        }
        jdbc.sql("update outreach_import_job set import_id = ?, households = ? where id = ?").params(importId, persons.size(), id).update();
        rights.evaluate(persons, done -> progress(id, "households_evaluated", done, persons.size()));
        finish(id, State.DONE, importId, List.of());
    }

    /** Written in its own small transaction, outside the import's: the page sees it at once; the lease is extended. */
    private void progress(UUID id, String column, int done, int total) {
        String totals = column.startsWith("rows_") ? ", rows_total = ?" : ", households = ?";
        progressTx.executeWithoutResult(status -> jdbc.sql("update outreach_import_job set " + column + " = ?" + totals
                        + ", locked_until = ? where id = ?")
                .params(done, total, now().plus(lease), id).update());
    }

    private void finish(UUID id, State state, UUID importId, List<FieldViolation> problems) {
        StringBuilder text = new StringBuilder();
        for (FieldViolation v : problems) {
            text.append(v.field()).append('|').append(v.messageKey());
            for (Object a : v.args()) {
                text.append('|').append(a);
            }
            text.append('\n');
        }
        jdbc.sql("""
                update outreach_import_job set state = ?, import_id = coalesce(?, import_id), problems = ?, finished_at = ?,
                    locked_by = null, locked_until = null where id = ?""")
                .params(state.name(), importId, text.isEmpty() ? null : text.substring(0, Math.min(4000, text.length())), now(), id)
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    static Job job(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        List<FieldViolation> problems = new ArrayList<>();
        String text = rs.getString("problems");
        if (text != null) {
            for (String line : text.split("\n")) {
                String[] p = line.split("\\|", -1);
                if (p.length >= 2) {
                    problems.add(new FieldViolation(p[0], p[1], (Object[]) java.util.Arrays.copyOfRange(p, 2, p.length)));
                }
            }
        }
        return new Job(rs.getObject("id", UUID.class), rs.getObject("upload_id", UUID.class), ListType.valueOf(rs.getString("list_type")),
                rs.getString("file_name"), ImportingPartnerList.Mode.valueOf(rs.getString("mode")), State.valueOf(rs.getString("state")),
                rs.getInt("rows_total"), rs.getInt("rows_parsed"), rs.getInt("rows_validated"), rs.getInt("rows_matched"),
                rs.getInt("households"), rs.getInt("households_evaluated"), rs.getObject("import_id", UUID.class), problems,
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("finished_at", OffsetDateTime.class));
    }
}

package be.loket.applications;

import be.loket.person.People;
import be.loket.platform.SystemActor;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily reminder job. From the configured day of the month, every running grant with duties whose
 * proof for the month has not arrived gets exactly one reminder; from the configured renewal date (1
 * November by default, so nobody loses January), every grant that ends this year gets exactly one
 * renewal reminder; every proofs request whose deadline passed with proofs still missing gets exactly one
 * reminder (ADR 0512, {@link ProofRequests}). Cluster-safe: per tenant and day one instance claims the run in {@code job_claim},
 * and the unique key of {@code grant_reminder} keeps a reminder single even if claims overlap.
 */
@Component
class Reminders {
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    static final String JOB = "grant-reminders";

    private final JdbcClient jdbc;
    private final People people;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ProofRequests proofRequests;
    private final int proofDay;
    private final MonthDay renewalDate;
    private final boolean enabled;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    Reminders(JdbcClient jdbc, People people, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
            ProofRequests proofRequests,
            @Value("${loket.applications.reminders.monthly-proof-day:10}") int proofDay,
            @Value("${loket.applications.reminders.renewal-date:--11-01}") String renewalDate,
            @Value("${loket.applications.reminders.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.people = people;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.proofRequests = proofRequests;
        this.proofDay = proofDay;
        this.renewalDate = MonthDay.parse(renewalDate);
        this.enabled = enabled;
    }

    void daily() {
        // The switch sits on the job itself: scheduling is on for every module (platform.SchedulingConfig).
        if (enabled) {
            run(LocalDate.now(clock));
        }
    }

    /** Runs the job for the day in every tenant with running grants or waiting applications; returns how many reminders were sent. */
    int run(LocalDate today) {
        int sent = 0;
        List<UUID> tenants = jdbc.sql("""
                select tenant_id from granted_right where status = 'ACTIVE'
                union select tenant_id from application where status = 'WAITING_FOR_PROOFS'""").query(UUID.class).list();
        for (UUID tenant : tenants) {
            Integer n = tx.execute(status -> claim(tenant, today) ? SystemActor.runAs(tenant, "reminders", () -> remind(tenant, today)) : 0);
            sent += n == null ? 0 : n;
        }
        return sent;
    }

    /** ON CONFLICT, not a caught duplicate key: on PostgreSQL that would abort the transaction the reminders run in. */
    private boolean claim(UUID tenant, LocalDate today) {
        int claimed = jdbc.sql("insert into job_claim (tenant_id, job, run_key, claimed_at, claimed_by) values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(tenant, JOB, today.toString(), OffsetDateTime.now(clock), instance).update();
        if (claimed == 0) {
            log.debug("{} of {} on {} already claimed by another instance", JOB, tenant, today);
        }
        return claimed == 1;
    }

    private record Due(UUID grantId, UUID applicationId, UUID personId, String rightId) {
    }

    private int remind(UUID tenant, LocalDate today) {
        int sent = proofRequests.remind(tenant, today);
        if (today.getDayOfMonth() >= proofDay) {
            YearMonth month = YearMonth.from(today);
            List<Due> due = jdbc.sql("""
                            select g.id, g.application_id, g.person_id, g.right_id from granted_right g
                            where g.tenant_id = ? and g.status = 'ACTIVE' and g.duties is not null
                              and g.period_from <= ? and g.period_until >= ?
                              and not exists (select 1 from grant_month_proof p where p.grant_id = g.id and p.proof_month = ?)
                              and not exists (select 1 from grant_reminder r where r.grant_id = g.id and r.kind = 'MONTHLY_PROOF' and r.for_period = ?)""")
                    .params(tenant, month.atEndOfMonth(), month.atDay(1), month.atDay(1), month.toString()).query(Reminders::due).list();
            for (Due d : due) {
                sent += send(tenant, d, ReminderDue.Kind.MONTHLY_PROOF, month.toString());
            }
        }
        if (!MonthDay.from(today).isBefore(renewalDate)) {
            String year = String.valueOf(today.getYear());
            List<Due> due = jdbc.sql("""
                            select g.id, g.application_id, g.person_id, g.right_id from granted_right g
                            where g.tenant_id = ? and g.status = 'ACTIVE' and g.period_until >= ? and g.period_until <= ?
                              and not exists (select 1 from grant_reminder r where r.grant_id = g.id and r.kind = 'RENEWAL' and r.for_period = ?)""")
                    .params(tenant, today, LocalDate.of(today.getYear(), 12, 31), year).query(Reminders::due).list();
            for (Due d : due) {
                sent += send(tenant, d, ReminderDue.Kind.RENEWAL, year);
            }
        }
        return sent;
    }

    private int send(UUID tenant, Due d, ReminderDue.Kind kind, String period) {
        String channel = people.get(d.personId()).preferredChannel().name();
        int rows = jdbc.sql("""
                insert into grant_reminder (id, tenant_id, grant_id, person_id, kind, for_period, channel, sent_at)
                select ?, ?, ?, ?, ?, ?, ?, ? where not exists
                  (select 1 from grant_reminder where grant_id = ? and kind = ? and for_period = ?)""")
                .params(UUID.randomUUID(), tenant, d.grantId(), d.personId(), kind.name(), period, channel, OffsetDateTime.now(clock),
                        d.grantId(), kind.name(), period)
                .update();
        if (rows == 1) {
            events.publishEvent(new ReminderDue(tenant, d.grantId(), d.applicationId(), d.personId(), d.rightId(), kind, period, channel));
        }
        return rows;
    }

    private static Due due(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Due(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("right_id"));
    }
}

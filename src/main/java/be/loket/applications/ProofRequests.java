package be.loket.applications;

import be.loket.eligibility.LocalizedText;
import be.loket.person.People;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The requests for missing proofs and their deadlines (ADR 0512): each request is stored when the worker
 * asks, an application is overdue when its latest request's deadline passed while it still waits for
 * proofs and something is still missing, and the daily reminder job sends one reminder per overdue request.
 */
@Component
class ProofRequests {
    /**
     * Joins {@code proofs_request r} to {@code application a} where the application is overdue: its latest
     * request's deadline passed (before the one parameter, today) while it still waits for proofs and a proof
     * is still missing. As a left join, {@code r.deadline} is null for an application that is not overdue.
     */
    static final String JOIN_OVERDUE = """
             join proofs_request r on r.application_id = a.id and r.tenant_id = a.tenant_id
              and a.status = 'WAITING_FOR_PROOFS' and r.deadline < ?
              and r.version = (select max(l.version) from proofs_request l where l.application_id = a.id and l.tenant_id = a.tenant_id)
              and exists (select 1 from application_proof p where p.application_id = a.id and p.tenant_id = a.tenant_id
                          and p.status in ('REQUESTED', 'REFUSED'))
            """;

    private final JdbcClient jdbc;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int reminderDays;

    ProofRequests(JdbcClient jdbc, People people, ApplicationEventPublisher events, Clock clock,
            @Value("${loket.applications.proofs-reminder-days:7}") int reminderDays) {
        this.jdbc = jdbc;
        this.people = people;
        this.events = events;
        this.clock = clock;
        this.reminderDays = reminderDays;
    }

    /** The proofs the citizen still has to send: requested and not handed in, or refused. */
    List<LocalizedText> missing(UUID tenant, UUID application) {
        return jdbc.sql("""
                        select label_nl, label_fr, label_en from application_proof
                        where application_id = ? and tenant_id = ? and status in ('REQUESTED', 'REFUSED') order by position""")
                .params(application, tenant)
                .query((rs, n) -> new LocalizedText(rs.getString("label_nl"), rs.getString("label_fr"), rs.getString("label_en"))).list();
    }

    void record(UUID tenant, UUID application, long version, LocalDate requestedOn, LocalDate deadline) {
        jdbc.sql("insert into proofs_request (tenant_id, application_id, version, requested_on, deadline) values (?, ?, ?, ?, ?)")
                .params(tenant, application, version, requestedOn, deadline).update();
    }

    /** The first day the application is overdue (the day after the deadline), or null when it is not. */
    LocalDate overdueSince(UUID tenant, UUID application) {
        LocalDate deadline = jdbc.sql("select r.deadline from application a" + JOIN_OVERDUE + "where a.id = ? and a.tenant_id = ?")
                .params(LocalDate.now(clock), application, tenant).query(LocalDate.class).optional().orElse(null);
        return deadline == null ? null : deadline.plusDays(1);
    }

    private record Overdue(UUID applicationId, long version, UUID personId, String rightId) {
    }

    /**
     * One reminder per overdue request not reminded yet. The conditional update marks the request before the
     * event is published, so a second run (or a racing instance) finds nothing to send.
     */
    int remind(UUID tenant, LocalDate today) {
        List<Overdue> overdue = jdbc.sql("""
                        select a.id, r.version, a.person_id, a.right_id from application a""" + JOIN_OVERDUE + """
                        where a.tenant_id = ? and r.reminded_on is null""")
                .params(today, tenant)
                .query((rs, n) -> new Overdue(rs.getObject("id", UUID.class), rs.getLong("version"), rs.getObject("person_id", UUID.class),
                        rs.getString("right_id")))
                .list();
        int sent = 0;
        LocalDate deadline = today.plusDays(reminderDays);
        for (Overdue o : overdue) {
            String channel = people.get(o.personId()).preferredChannel().name();
            int rows = jdbc.sql("""
                            update proofs_request set reminded_on = ?, reminder_deadline = ?, reminder_channel = ?
                            where application_id = ? and version = ? and tenant_id = ? and reminded_on is null""")
                    .params(today, deadline, channel, o.applicationId(), o.version(), tenant).update();
            if (rows == 1) {
                events.publishEvent(new ProofsReminderDue(tenant, o.applicationId(), o.version(), o.personId(), o.rightId(),
                        missing(tenant, o.applicationId()), deadline, channel));
                sent++;
            }
        }
        return sent;
    }
}

package be.loket.committee;

import be.loket.applications.ApplicationStatus;
import be.loket.applications.ApplicationSummary;
import be.loket.applications.ApplicationView;
import be.loket.applications.Applications;
import be.loket.applications.Decide;
import be.loket.audit.AuditLog;
import be.loket.identity.Directory;
import be.loket.letters.PdfDocuments;
import be.loket.platform.Actor;
import be.loket.platform.Choices;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import be.loket.platform.StaleVersionException;
import be.loket.platform.Texts;
import be.loket.platform.Times;
import be.loket.platform.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decision routes, sessions and decisions. Team leads and administrators set the route of a right; team
 * leads take delegated decisions; team leads and committee members plan sessions, build the agenda and
 * record the committee's decisions. A right without a configured route goes to the BCSD. Everything is
 * tenant-scoped and audited.
 */
@Service
@Transactional
public class Committee {
    static final String AUDIT_TYPE = "COMMITTEE_SESSION";

    private final JdbcClient jdbc;
    private final Applications applications;
    private final AuditLog audit;
    private final Clock clock;
    private final PdfDocuments pdf;
    private final Directory directory;
    private final org.springframework.context.MessageSource messages;

    Committee(JdbcClient jdbc, Applications applications, AuditLog audit, Clock clock, PdfDocuments pdf, Directory directory,
            org.springframework.context.MessageSource messages) {
        this.pdf = pdf;
        this.directory = directory;
        this.messages = messages;
        this.jdbc = jdbc;
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
    }

    public static boolean mayChair(Actor actor) {
        return actor.hasAny(Role.TEAM_LEAD, Role.COMMITTEE);
    }

    // ---------------------------------------------------------------- routes

    @Transactional(readOnly = true)
    public DecisionRoute route(String rightId) {
        return jdbc.sql("select route from decision_route where tenant_id = ? and right_id = ?")
                .params(CurrentActor.get().tenantId(), rightId).query(String.class).optional().map(DecisionRoute::valueOf)
                .orElse(DecisionRoute.BCSD);
    }

    public void setRoute(String rightId, String route) {
        Actor actor = CurrentActor.get();
        if (!actor.hasAny(Role.TEAM_LEAD, Role.ADMIN)) {
            throw new NotFoundException("Route");
        }
        var v = new Validation().required("rightId", Texts.trimToNull(rightId));
        DecisionRoute r = Choices.of(v, "route", DecisionRoute.class, route);
        v.throwIfInvalid();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int rows = jdbc.sql("update decision_route set route = ?, changed_at = ?, changed_by = ? where tenant_id = ? and right_id = ?")
                .params(r.name(), now, actor.username(), actor.tenantId(), rightId.strip()).update();
        if (rows == 0) {
            jdbc.sql("insert into decision_route (tenant_id, right_id, route, changed_at, changed_by) values (?, ?, ?, ?, ?)")
                    .params(actor.tenantId(), rightId.strip(), r.name(), now, actor.username()).update();
        }
        jdbc.sql("insert into decision_route_change (id, tenant_id, right_id, route, changed_at, changed_by) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), actor.tenantId(), rightId.strip(), r.name(), now, actor.username()).update();
        audit.write(AuditLog.Action.UPDATE, "DECISION_ROUTE", null, rightId.strip() + "=" + r);
    }

    // ---------------------------------------------------------------- delegated decisions

    /** A team lead decides alone, where the municipality delegated the right (seed 004: the rent allowance). */
    public UUID decideDelegated(UUID applicationId, long version, Decide decision) {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.TEAM_LEAD)) {
            throw new NotFoundException("Application");
        }
        if (route(applications.rightOf(applicationId)) != DecisionRoute.DELEGATED) {
            new Validation().add("outcome", "committee.route.bcsdOnly").throwIfInvalid();
        }
        return applications.decide(applicationId, version, withRoute(decision, DecisionRoute.DELEGATED, null));
    }

    // ---------------------------------------------------------------- sessions

    public UUID planSession(String heldOn, String members) {
        Actor actor = chair();
        var v = new Validation().required("heldOn", Texts.trimToNull(heldOn)).required("members", Texts.trimToNull(members))
                .maxLength("members", members, 2000);
        LocalDate day = null;
        if (Texts.trimToNull(heldOn) != null) {
            try {
                day = LocalDate.parse(heldOn.strip());
                if (day.isBefore(LocalDate.now(clock).minusDays(31))) {
                    v.add("heldOn", "committee.session.tooOld");
                }
            } catch (DateTimeParseException e) {
                v.add("heldOn", "validation.date");
            }
        }
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into committee_session (id, tenant_id, committee, held_on, members, status, created_at, created_by, version)
                values (?, ?, 'BCSD', ?, ?, 'PLANNED', ?, ?, 0)""")
                .params(id, actor.tenantId(), day, String.join("\n", memberList(members)), OffsetDateTime.now(clock), actor.username())
                .update();
        audit.write(AuditLog.Action.CREATE, AUDIT_TYPE, id, "held on " + day);
        return id;
    }

    @Transactional(readOnly = true)
    public List<SessionSummary> sessions() {
        Actor actor = chair();
        return jdbc.sql("""
                        select s.id, s.held_on, s.members, s.status,
                          (select count(*) from committee_item i where i.session_id = s.id) as items,
                          (select count(*) from committee_item i where i.session_id = s.id and i.decision_id is not null) as decided
                        from committee_session s where s.tenant_id = ? order by s.held_on desc limit 100""")
                .param(actor.tenantId())
                .query((rs, n) -> new SessionSummary(rs.getObject("id", UUID.class), rs.getObject("held_on", LocalDate.class),
                        rs.getString("members").replace("\n", ", "), SessionStatus.valueOf(rs.getString("status")), rs.getInt("items"),
                        rs.getInt("decided")))
                .list();
    }

    /** The session with, per item, the application, today's evaluation and the latest decision taken in this session. */
    public SessionView session(UUID id) {
        Actor actor = chair();
        Session s = load(actor, id);
        record ItemRow(UUID id, int position, UUID applicationId, UUID decisionId) {
        }
        List<ItemRow> rows = jdbc.sql("select * from committee_item where session_id = ? and tenant_id = ? order by position")
                .params(id, actor.tenantId())
                .query((rs, n) -> new ItemRow(rs.getObject("id", UUID.class), rs.getInt("position"),
                        rs.getObject("application_id", UUID.class), rs.getObject("decision_id", UUID.class)))
                .list();
        List<SessionView.Item> items = rows.stream().map(r -> {
            ApplicationView app = applications.get(r.applicationId());
            ApplicationView.Decision decision = app.decisions().stream().filter(d -> d.id().equals(r.decisionId())).findFirst()
                    .orElse(null);
            return new SessionView.Item(r.id(), r.position(), app, applications.evaluate(r.applicationId()), decision);
        }).toList();
        audit.write(AuditLog.Action.READ, AUDIT_TYPE, id, "items=" + items.size());
        return new SessionView(s.id(), s.heldOn(), memberList(s.members()), s.status(), s.version(), items);
    }

    /**
     * Puts every application that is ready for decision, goes to the BCSD and is not yet on an agenda
     * waiting for a decision, on this session's agenda. Returns how many were added.
     */
    public int buildAgenda(UUID sessionId, long version) {
        Actor actor = chair();
        Session s = load(actor, sessionId);
        if (s.status() != SessionStatus.PLANNED) {
            new Validation().add("session", "committee.session.closed").throwIfInvalid();
        }
        bump(actor, sessionId, version, null);
        int position = jdbc.sql("select coalesce(max(position), 0) from committee_item where session_id = ? and tenant_id = ?")
                .params(sessionId, actor.tenantId()).query(Integer.class).single();
        int added = 0;
        for (ApplicationSummary a : applications.withStatus(ApplicationStatus.READY_FOR_DECISION)) {
            if (route(a.rightId()) != DecisionRoute.BCSD) {
                continue;
            }
            long waiting = jdbc.sql("""
                    select count(*) from committee_item i join committee_session s on s.id = i.session_id
                    where i.tenant_id = ? and i.application_id = ? and i.decision_id is null and s.status = 'PLANNED'""")
                    .params(actor.tenantId(), a.id()).query(Long.class).single();
            if (waiting > 0) {
                continue;
            }
            jdbc.sql("""
                    insert into committee_item (id, tenant_id, session_id, application_id, position, added_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), actor.tenantId(), sessionId, a.id(), ++position, OffsetDateTime.now(clock)).update();
            added++;
        }
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, sessionId, "agenda +" + added);
        return added;
    }

    /** The committee's decision on one item of a planned session. */
    public UUID decideItem(UUID sessionId, UUID itemId, long applicationVersion, Decide decision) {
        Actor actor = chair();
        Session s = load(actor, sessionId);
        UUID applicationId = jdbc.sql("select application_id from committee_item where id = ? and session_id = ? and tenant_id = ?")
                .params(itemId, sessionId, actor.tenantId()).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("Agenda item"));
        if (s.status() != SessionStatus.PLANNED) {
            new Validation().add("outcome", "committee.session.closed").throwIfInvalid();
        }
        UUID decisionId = applications.decide(applicationId, applicationVersion, withRoute(decision, DecisionRoute.BCSD, sessionId));
        jdbc.sql("update committee_item set decision_id = ? where id = ? and tenant_id = ?").params(decisionId, itemId, actor.tenantId())
                .update();
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, sessionId, "decision on item " + itemId);
        return decisionId;
    }

    /** Closes the session; its minutes stay readable. Items still undecided go to the next session's agenda. */
    public void close(UUID sessionId, long version) {
        Actor actor = chair();
        Session s = load(actor, sessionId);
        if (s.status() != SessionStatus.PLANNED) {
            new Validation().add("session", "committee.session.closed").throwIfInvalid();
        }
        bump(actor, sessionId, version, "status = 'CLOSED'");
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, sessionId, "closed");
    }

    /** Characters of the social report kept in the minutes: a summary, the full report stays with the application. */
    static final int REPORT_SUMMARY = 700;

    /**
     * The minutes of a session as accessible PDF (tagged, fonts embedded, the letters' renderer): date,
     * members present, per item the right, a summary of the social report, the proposal, the evaluation
     * and the decision. Committee members and team leads only (others: 404); every download is audited.
     */
    public byte[] minutesPdf(UUID sessionId) {
        SessionView s = session(sessionId);
        Locale locale = LocaleContextHolder.getLocale();
        String day = s.heldOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        Map<UUID, String> reports = new HashMap<>();
        for (SessionView.Item item : s.items()) {
            String report = item.application().report() == null ? "" : item.application().report().strip();
            reports.put(item.id(), report.length() <= REPORT_SUMMARY ? report : report.substring(0, REPORT_SUMMARY).strip() + " …");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("lang", locale.getLanguage());
        model.put("s", s);
        model.put("reports", reports);
        model.put("members", String.join(", ", s.members()));
        model.put("tenantName", directory.currentTenant().name());
        model.put("title", messageTitle(locale, day));
        model.put("generated", Times.format(clock.instant(), "dd/MM/yyyy HH:mm", locale));
        byte[] bytes = pdf.render("committee/pdf/minutes", model, locale);
        audit.write(AuditLog.Action.EXPORT, AUDIT_TYPE, sessionId, "minutes pdf items=" + s.items().size());
        return bytes;
    }

    private String messageTitle(Locale locale, String day) {
        return messages.getMessage("committee.minutes.title", new Object[] {day}, locale);
    }

    // ---------------------------------------------------------------- helpers

    private record Session(UUID id, LocalDate heldOn, String members, SessionStatus status, long version) {
    }

    private Session load(Actor actor, UUID id) {
        return jdbc.sql("select * from committee_session where id = ? and tenant_id = ?").params(id, actor.tenantId())
                .query((rs, n) -> new Session(rs.getObject("id", UUID.class), rs.getObject("held_on", LocalDate.class),
                        rs.getString("members"), SessionStatus.valueOf(rs.getString("status")), rs.getLong("version")))
                .optional().orElseThrow(() -> new NotFoundException("Session"));
    }

    private void bump(Actor actor, UUID id, long version, String set) {
        int rows = jdbc.sql("update committee_session set " + (set == null ? "" : set + ", ")
                        + "version = version + 1 where id = ? and tenant_id = ? and version = ?")
                .params(id, actor.tenantId(), version).update();
        if (rows == 0) {
            throw new StaleVersionException("Session");
        }
    }

    private static Actor chair() {
        Actor actor = CurrentActor.get();
        if (!mayChair(actor)) {
            throw new NotFoundException("Session");
        }
        return actor;
    }

    private static List<String> memberList(String members) {
        return Arrays.stream(members.split("[,\n]")).map(String::strip).filter(m -> !m.isEmpty()).toList();
    }

    private static Decide withRoute(Decide d, DecisionRoute route, UUID sessionId) {
        return new Decide(d.outcome(), d.monthlyAmount(), d.periodFrom(), d.periodUntil(), d.reasons(), d.missing(), route.name(),
                sessionId);
    }
}

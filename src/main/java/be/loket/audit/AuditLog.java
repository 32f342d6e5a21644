package be.loket.audit;

import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.MultiRowInsert;
import be.loket.platform.Role;
import be.loket.platform.web.ApiRequests;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit trail. An event joins the caller's transaction, so a write that rolls
 * back leaves no trace of a change that never happened; reads are logged even when nothing changes.
 */
@Service
public class AuditLog {

    public enum Action { READ, SEARCH, CREATE, UPDATE, DELETE, EXPORT }

    public record Event(UUID id, OffsetDateTime occurredAt, String username, Action action, String entityType,
            UUID entityId, String detail, String channel) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    /** Records an action of the current user on a record of their tenant. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void write(Action action, String entityType, UUID entityId, String detail) {
        insert(CurrentActor.get(), action, entityType, entityId, detail);
    }

    /**
     * Records one action that concerned several records of one type at once, such as the citizens a
     * search found: one event, and each record's {@link #trail} finds it (ADR 0011). The subjects are
     * written in bulk, so a lookup of thousands costs one event and one narrow row per record.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void writeAbout(Action action, String entityType, Collection<UUID> subjects, String detail) {
        Actor actor = CurrentActor.get();
        UUID event = insert(actor, action, entityType, null, detail);
        if (subjects.isEmpty()) {
            return;
        }
        var rows = new MultiRowInsert("audit_event_subject", List.of("tenant_id", "event_id", "entity_id"), 500);
        new LinkedHashSet<>(subjects).forEach(subject -> rows.add(actor.tenantId(), event, subject));
        rows.flush(jdbcTemplate);
    }

    private UUID insert(Actor actor, Action action, String entityType, UUID entityId, String detail) {
        UUID id = UUID.randomUUID();
        String text = detail == null ? null : (detail.length() > 1000 ? detail.substring(0, 1000) : detail);
        jdbc.sql("""
                insert into audit_event (id, tenant_id, occurred_at, user_id, username, action, entity_type, entity_id, detail, channel)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, actor.tenantId(), OffsetDateTime.now(clock), actor.userId(), actor.username(),
                        action.name(), entityType, entityId, text, channel())
                .update();
        return id;
    }

    /** The trail of one record, newest first; only team leads and administrators may read it. */
    @Transactional(readOnly = true)
    public List<Event> trail(String entityType, UUID entityId) {
        Actor actor = CurrentActor.get();
        if (!actor.hasAny(Role.TEAM_LEAD, Role.ADMIN)) {
            throw new AccessDeniedException("audit trail");
        }
        return trailUnchecked(entityType, entityId);
    }

    /**
     * The trail for callers that checked access themselves (e.g. a dossier's owner): the events about
     * the record itself and those about several records among which it was.
     */
    @Transactional(readOnly = true)
    public List<Event> trailUnchecked(String entityType, UUID entityId) {
        UUID tenant = CurrentActor.get().tenantId();
        return jdbc.sql("""
                        select * from audit_event where tenant_id = :tenant and entity_type = :type and entity_id = :id
                        union all
                        select e.* from audit_event_subject s join audit_event e on e.id = s.event_id
                        where s.tenant_id = :tenant and s.entity_id = :id and e.tenant_id = :tenant and e.entity_type = :type
                        order by occurred_at desc, id""")
                .param("tenant", tenant).param("type", entityType).param("id", entityId).query(AuditLog::event).list();
    }

    private static Event event(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getObject("id", UUID.class), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("username"), Action.valueOf(rs.getString("action")), rs.getString("entity_type"),
                rs.getObject("entity_id", UUID.class), rs.getString("detail"), rs.getString("channel"));
    }

    private static String channel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return ApiRequests.isApi(attrs.getRequest()) ? "API" : "UI";
        }
        return "SYSTEM";
    }
}

package be.loket.audit;

import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
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
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action of the current user on a record of their tenant. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void write(Action action, String entityType, UUID entityId, String detail) {
        Actor actor = CurrentActor.get();
        String text = detail == null ? null : (detail.length() > 1000 ? detail.substring(0, 1000) : detail);
        jdbc.sql("""
                insert into audit_event (id, tenant_id, occurred_at, user_id, username, action, entity_type, entity_id, detail, channel)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), actor.tenantId(), OffsetDateTime.now(clock), actor.userId(), actor.username(),
                        action.name(), entityType, entityId, text, channel())
                .update();
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

    /** The trail for callers that checked access themselves (e.g. a dossier's owner). */
    @Transactional(readOnly = true)
    public List<Event> trailUnchecked(String entityType, UUID entityId) {
        return jdbc.sql("""
                        select * from audit_event where tenant_id = ? and entity_type = ? and entity_id = ?
                        order by occurred_at desc, id""")
                .params(CurrentActor.get().tenantId(), entityType, entityId).query(AuditLog::event).list();
    }

    private static Event event(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getObject("id", UUID.class), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("username"), Action.valueOf(rs.getString("action")), rs.getString("entity_type"),
                rs.getObject("entity_id", UUID.class), rs.getString("detail"), rs.getString("channel"));
    }

    private static String channel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRequestURI().startsWith(attrs.getRequest().getContextPath() + "/api/") ? "API" : "UI";
        }
        return "SYSTEM";
    }
}

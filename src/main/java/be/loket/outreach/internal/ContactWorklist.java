package be.loket.outreach.internal;

import be.loket.audit.AuditLog;
import be.loket.platform.Actor;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everyone on the housing company's rent-arrears lists, to be contacted (seed 002: all of them). */
@Service
@Transactional
public class ContactWorklist {

    public enum Status { OPEN, CONTACTED, CLOSED }

    public record Entry(UUID id, StoredRow row, BigDecimal amount, int months, Status status, OffsetDateTime listedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ContactWorklist(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    private static final String SELECT = """
            select w.id as entry_id, w.amount, w.months, w.status, w.created_at, r.* from outreach_worklist_entry w
            join outreach_row r on r.id = w.row_id
            """;

    /** Open entries first, highest arrears first. */
    public List<Entry> entries(boolean includeClosed) {
        return entries(includeClosed, 0, Integer.MAX_VALUE);
    }

    /**
     * One page in the order of {@link #entries(boolean)}, cut by the database (a long list is never loaded
     * whole); the entry id settles ties so pages neither overlap nor skip. Each read is audited.
     */
    public List<Entry> entries(boolean includeClosed, int offset, int limit) {
        Actor actor = OutreachAccess.worker();
        List<Entry> entries = jdbc.sql(SELECT + """
                        where w.tenant_id = ? and (? or w.status <> 'CLOSED')
                        order by case w.status when 'OPEN' then 0 when 'CONTACTED' then 1 else 2 end, w.months desc, w.amount desc, r.last_name,
                                 w.id
                        limit ? offset ?""")
                .params(actor.tenantId(), includeClosed, Math.max(0, limit), Math.max(0, offset))
                .query(ContactWorklist::entry)
                .list();
        audit.write(AuditLog.Action.READ, "OUTREACH_WORKLIST", null, "entries=" + entries.size()
                + (offset > 0 || limit < Integer.MAX_VALUE ? " offset=" + offset : ""));
        return entries;
    }

    /** One entry of the tenant, open or not; the caller audits the read. */
    public Optional<Entry> entry(UUID entryId) {
        Actor actor = OutreachAccess.worker();
        return jdbc.sql(SELECT + "where w.tenant_id = ? and w.id = ?").params(actor.tenantId(), entryId).query(ContactWorklist::entry)
                .optional();
    }

    /** How many entries wait for a first contact: a count, not the list. */
    public int openCount() {
        Actor actor = OutreachAccess.worker();
        return jdbc.sql("select count(*) from outreach_worklist_entry where tenant_id = ? and status = 'OPEN'").param(actor.tenantId())
                .query(Integer.class).single();
    }

    private static Entry entry(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Entry(rs.getObject("entry_id", UUID.class), StoredRow.of(rs, i), rs.getBigDecimal("amount"), rs.getInt("months"),
                Status.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class));
    }

    public void setStatus(UUID entryId, String status) {
        Actor actor = OutreachAccess.worker();
        Status s = status == null ? null : Agreements.parseEnum(Status.class, status);
        if (s == null) {
            throw new InvalidInputException(new FieldViolation("status", "validation.choice"));
        }
        int n = jdbc.sql("update outreach_worklist_entry set status = ?, updated_at = ?, updated_by = ? where id = ? and tenant_id = ?")
                .params(s.name(), OffsetDateTime.now(clock), actor.username(), entryId, actor.tenantId()).update();
        if (n == 0) {
            throw new NotFoundException("Worklist entry");
        }
        audit.write(AuditLog.Action.UPDATE, "OUTREACH_WORKLIST", entryId, "status=" + s);
    }
}

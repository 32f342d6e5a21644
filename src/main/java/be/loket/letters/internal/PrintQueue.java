package be.loket.letters.internal;

import be.loket.audit.AuditLog;
import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The municipality's letters waiting to be printed and posted: listed, opened and marked printed, all audited. */
@Service
@Transactional
public class PrintQueue {
    /** One letter to print; the address is on the PDF itself. */
    public record Item(UUID id, String recipientName, String subject, boolean closedEnvelope, OffsetDateTime queuedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PrintQueue(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Item> waiting() {
        List<Item> items = jdbc.sql("""
                        select id, recipient_name, subject, closed_envelope, queued_at from letter_print_queue
                        where tenant_id = ? and printed_at is null order by queued_at, id""")
                .param(CurrentActor.get().tenantId())
                .query((rs, row) -> new Item(rs.getObject("id", UUID.class), rs.getString("recipient_name"), rs.getString("subject"),
                        rs.getBoolean("closed_envelope"), rs.getObject("queued_at", OffsetDateTime.class)))
                .list();
        audit.write(AuditLog.Action.SEARCH, "LETTER_PRINT", null, "waiting=" + items.size());
        return items;
    }

    public byte[] pdf(UUID id) {
        byte[] pdf = jdbc.sql("select pdf from letter_print_queue where id = ? and tenant_id = ?")
                .params(id, CurrentActor.get().tenantId()).query((rs, row) -> rs.getBytes("pdf")).optional()
                .orElseThrow(() -> new NotFoundException("Letter"));
        audit.write(AuditLog.Action.READ, "LETTER_PRINT", id, null);
        return pdf;
    }

    public void markPrinted(UUID id) {
        Actor actor = CurrentActor.get();
        int rows = jdbc.sql("update letter_print_queue set printed_at = ?, printed_by = ? where id = ? and tenant_id = ? and printed_at is null")
                .params(OffsetDateTime.now(clock), actor.username(), id, actor.tenantId()).update();
        if (rows == 0) {
            throw new NotFoundException("Letter");
        }
        audit.write(AuditLog.Action.UPDATE, "LETTER_PRINT", id, "printed");
    }
}

package be.loket.letters.internal;

import be.loket.letters.OutboundChannel;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Printed post: the letter waits in the municipality's print queue until the office prints it, in a
 * closed envelope when marked so. Always available, so it is every letter's fallback.
 */
public class PrintQueueChannel implements OutboundChannel {
    private final JdbcClient jdbc;
    private final Clock clock;

    public PrintQueueChannel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.POST;
    }

    @Override
    public void send(UUID tenantId, Message message) {
        if (message.pdf() == null) {
            throw new IllegalArgumentException("Post needs the letter as PDF");
        }
        jdbc.sql("""
                insert into letter_print_queue (id, tenant_id, recipient_name, address, subject, closed_envelope, pdf, queued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), tenantId, message.recipientName(),
                        message.address() == null ? "" : String.join("\n", message.address()), message.subject(),
                        message.closedEnvelope(), message.pdf(), OffsetDateTime.now(clock))
                .update();
    }
}

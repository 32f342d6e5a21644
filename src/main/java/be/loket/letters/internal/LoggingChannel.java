package be.loket.letters.internal;

import be.loket.letters.OutboundChannel;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo's e-mail and SMS: nothing leaves the machine; the log says what would have been sent, and to which channel. */
public class LoggingChannel implements OutboundChannel {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingChannel.class);
    private final Channel channel;

    public LoggingChannel(Channel channel) {
        this.channel = channel;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public void send(UUID tenantId, Message message) {
        LOG.info("Demo {}: \"{}\" to {} (tenant {}, PDF {} bytes)", channel, message.subject(), message.recipientName(), tenantId,
                message.pdf() == null ? 0 : message.pdf().length);
    }
}

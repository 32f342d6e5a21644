package be.loket.letters.internal;

import be.loket.letters.OutboundChannel;
import be.loket.letters.OutboundChannel.Channel;
import be.loket.letters.OutboundChannel.Message;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through the citizen's preferred channel when it is configured and the contact data is there,
 * and falls back to printed post when it is not, or when sending failed: a letter is never lost.
 */
public final class ChannelRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelRouter.class);

    /** Which channel carried the message, and whether that was a fallback. */
    public record Outcome(Channel channel, boolean fellBack) {
    }

    private final Map<Channel, OutboundChannel> channels = new EnumMap<>(Channel.class);

    public ChannelRouter(List<OutboundChannel> available) {
        for (OutboundChannel c : available) {
            channels.putIfAbsent(c.channel(), c);
        }
        if (!channels.containsKey(Channel.POST)) {
            throw new IllegalStateException("Post is the fallback of every letter; a POST channel must be configured");
        }
    }

    /** The channels to try, in order: the preferred one if usable, then post. */
    List<Channel> plan(Channel preferred, Message m) {
        List<Channel> plan = new ArrayList<>();
        boolean usable = preferred != null && channels.containsKey(preferred) && switch (preferred) {
            case EMAIL -> notBlank(m.email()) && m.pdf() != null;
            case SMS -> notBlank(m.phone()) && notBlank(m.shortText());
            case POST -> false;
        };
        if (usable) {
            plan.add(preferred);
        }
        plan.add(Channel.POST);
        return plan;
    }

    public Outcome send(UUID tenantId, Channel preferred, Message message) {
        List<Channel> plan = plan(preferred, message);
        RuntimeException last = null;
        for (Channel c : plan) {
            try {
                channels.get(c).send(tenantId, message);
                return new Outcome(c, c != preferred);
            } catch (RuntimeException e) {
                // Logged without the message content: it holds personal data.
                LOG.warn("Sending by {} failed ({}); trying the next channel", c, e.getClass().getSimpleName());
                last = e;
            }
        }
        throw last;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}

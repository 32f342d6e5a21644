package be.loket.letters;

import be.loket.letters.OutboundChannel.Channel;
import be.loket.letters.OutboundChannel.Message;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A short text (a one-time login code, a notice) by e-mail or SMS through the configured outbound
 * channels, without a PDF and without the fallback to post: a login code on paper would arrive too
 * late and in the wrong hands. Throws when the channel is missing or the sending failed.
 */
@Service
public class ShortMessages {
    private final Map<Channel, OutboundChannel> channels = new EnumMap<>(Channel.class);

    ShortMessages(List<OutboundChannel> available) {
        // Same choice as the letters' router: the first channel of each kind in Spring's order.
        for (OutboundChannel c : available) {
            channels.putIfAbsent(c.channel(), c);
        }
    }

    /** Whether text can go out by this channel (post never: see the class comment). */
    public boolean available(Channel channel) {
        return channel != Channel.POST && channels.containsKey(channel);
    }

    public void send(UUID tenantId, Channel channel, String recipientName, String address, String subject, String text) {
        if (!available(channel) || address == null || address.isBlank()) {
            throw new IllegalStateException("No " + channel + " channel or address to send a short message");
        }
        var message = new Message(recipientName, channel == Channel.EMAIL ? address : null, channel == Channel.SMS ? address : null,
                List.of(), subject, text, text, null, false);
        channels.get(channel).send(tenantId, message);
    }
}

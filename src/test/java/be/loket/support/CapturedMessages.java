package be.loket.support;

import be.loket.letters.OutboundChannel;
import be.loket.letters.OutboundChannel.Channel;
import be.loket.letters.OutboundChannel.Message;
import be.loket.letters.internal.SmtpChannel;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The shared test context's e-mail and SMS: every message is kept in memory so a test can read what a
 * citizen received (a login code), and e-mail also goes through the real {@link SmtpChannel} to an
 * in-process SMTP server while a test has one running ({@link #forwardEmailTo}). Ordered first, so the
 * letters' router and the portal's short messages choose these over the demo's logging channels, in
 * the one shared context (no context of its own: see ADR 0602).
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
public class CapturedMessages {
    private static final List<Sent> SENT = new CopyOnWriteArrayList<>();
    private static volatile SmtpChannel smtp;

    /** A message as it left, with the channel that carried it. */
    public record Sent(UUID tenantId, Channel channel, Message message) {
    }

    /** Sends e-mail also to this SMTP port on 127.0.0.1 (null: stop). */
    public static void forwardEmailTo(Integer port) {
        if (port == null) {
            smtp = null;
            return;
        }
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        smtp = new SmtpChannel(sender, "sociale.dienst@demodorp.example");
    }

    public static List<Sent> sent() {
        return List.copyOf(SENT);
    }

    /** The last 6-digit code sent to this e-mail address or phone number. */
    public static Optional<String> lastCodeFor(String address) {
        Pattern six = Pattern.compile("\\b(\\d{6})\\b");
        for (int i = SENT.size() - 1; i >= 0; i--) {
            Message m = SENT.get(i).message();
            if (address.equals(m.email()) || address.equals(m.phone())) {
                Matcher matcher = six.matcher(m.shortText() == null ? "" : m.shortText());
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
        }
        return Optional.empty();
    }

    @Bean
    OutboundChannel capturedEmail() {
        return new Capturing(Channel.EMAIL);
    }

    @Bean
    OutboundChannel capturedSms() {
        return new Capturing(Channel.SMS);
    }

    static final class Capturing implements OutboundChannel, Ordered {
        private final Channel channel;

        Capturing(Channel channel) {
            this.channel = channel;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public void send(UUID tenantId, Message message) {
            SmtpChannel forward = smtp;
            if (channel == Channel.EMAIL && forward != null) {
                forward.send(tenantId, message);
            }
            SENT.add(new Sent(tenantId, channel, message));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}

package be.loket.letters.internal;

import be.loket.letters.LetterTemplates;
import be.loket.letters.OutboundChannel;
import be.loket.letters.OutboundChannel.Channel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.ObjectMapper;

/**
 * The PDF renderer (fonts from loket.letters.font-dir), the readability check with the shipped jargon
 * lists, and the outbound channels: in the demo e-mail and SMS only log; elsewhere SMTP when
 * spring.mail.host is set and the SMS gateway when loket.letters.sms.url is set. Post (the print
 * queue) is always there, as every letter's fallback.
 */
@Configuration(proxyBeanMethods = false)
class LettersConfig {
    private static final Logger LOG = LoggerFactory.getLogger(LettersConfig.class);

    @Bean
    PdfRenderer pdfRenderer(@Value("${loket.letters.font-dir:/usr/share/fonts/truetype/dejavu}") Path fontDir) {
        PdfRenderer renderer = new PdfRenderer(fontDir);
        // The application still starts, so staff can work; every letter fails with the same explanation.
        if (!renderer.missingFonts().isEmpty()) {
            LOG.error("Letters cannot be rendered: fonts missing {}. Install the Debian package fonts-dejavu.", renderer.missingFonts());
        }
        return renderer;
    }

    @Bean
    Readability readability() {
        return new Readability(LetterTemplates.LANGUAGES);
    }

    @Bean
    OutboundChannel postChannel(JdbcClient jdbc, Clock clock) {
        return new PrintQueueChannel(jdbc, clock);
    }

    @Bean
    @Profile("demo")
    OutboundChannel demoEmailChannel() {
        return new LoggingChannel(Channel.EMAIL);
    }

    @Bean
    @Profile("demo")
    OutboundChannel demoSmsChannel() {
        return new LoggingChannel(Channel.SMS);
    }

    @Bean
    @Profile("!demo")
    @ConditionalOnProperty("spring.mail.host")
    OutboundChannel smtpChannel(JavaMailSender mail, @Value("${loket.letters.mail.from}") String from) {
        return new SmtpChannel(mail, from);
    }

    @Bean
    @Profile("!demo")
    @ConditionalOnProperty("loket.letters.sms.url")
    OutboundChannel smsGatewayChannel(@Value("${loket.letters.sms.url}") URI url,
            @Value("${loket.letters.sms.token:}") String token, ObjectMapper json) {
        return new SmsGatewayChannel(url, token, json);
    }

    @Bean
    ChannelRouter channelRouter(List<OutboundChannel> channels) {
        return new ChannelRouter(channels);
    }
}

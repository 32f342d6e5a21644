package be.loket.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.letters.OutboundChannel.Channel;
import be.loket.letters.OutboundChannel.Message;
import be.loket.letters.internal.ChannelRouter;
import be.loket.letters.internal.SmsGatewayChannel;
import be.loket.letters.internal.SmtpChannel;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real channels against real servers on this machine: SMTP against GreenMail in-process, the SMS
 * gateway against a local HTTP server; and the router's fallback to post.
 */
class OutboundChannelsTests {
    static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final byte[] PDF = "%PDF-1.7 letter".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    HttpServer gateway;
    final List<String> gatewayBodies = new CopyOnWriteArrayList<>();
    final List<String> gatewayAuth = new CopyOnWriteArrayList<>();

    static Message message(String email, String phone, String shortText) {
        return new Message("Mira Voorbeeld", email, phone, List.of("Kerkstraat 5", "9990 Demodorp"),
                "Goed nieuws: u krijgt een huurtoelage", "Beste Mira,\n\nIn de bijlage vindt u een brief.", shortText, PDF, false);
    }

    URI startGateway(int status) throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            gatewayBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            gatewayAuth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        gateway.start();
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
    }

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.stop(0);
        }
    }

    @Test
    void emailCarriesTheTextAndTheLetterAsPdfAttachment() throws Exception {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        new SmtpChannel(sender, "sociale.dienst@demodorp.example").send(TENANT, message("mira@voorbeeld.example", null, null));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Goed nieuws: u krijgt een huurtoelage");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("mira@voorbeeld.example");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("sociale.dienst@demodorp.example");
        Multipart parts = (Multipart) received[0].getContent();
        List<String> attachments = new ArrayList<>();
        byte[] attached = null;
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.add(part.getFileName() + " " + part.getContentType().split(";")[0]);
                attached = part.getInputStream().readAllBytes();
            }
        }
        assertThat(attachments).containsExactly("goed-nieuws-u-krijgt-een-huurtoelage.pdf application/pdf");
        assertThat(attached).isEqualTo(PDF);
    }

    @Test
    void smsGoesToTheGatewayAsJsonWithTheToken() throws Exception {
        URI url = startGateway(202);
        new SmsGatewayChannel(url, "secret-token", JsonMapper.builder().build())
                .send(TENANT, message(null, "+32470000000", "Uw huurtoelage is toegekend. Lees de brief: https://loket.example/p/x"));
        assertThat(gatewayAuth).containsExactly("Bearer secret-token");
        JsonNode body = JsonMapper.builder().build().readTree(gatewayBodies.get(0));
        assertThat(body.get("to").asString()).isEqualTo("+32470000000");
        assertThat(body.get("text").asString()).isEqualTo("Uw huurtoelage is toegekend. Lees de brief: https://loket.example/p/x");
        assertThat(body.get("reference").asString()).isEqualTo(TENANT.toString());
    }

    @Test
    void aFailingGatewayMeansNotSentAndTheRouterFallsBackToPost() throws Exception {
        URI url = startGateway(503);
        var sms = new SmsGatewayChannel(url, null, JsonMapper.builder().build());
        assertThatThrownBy(() -> sms.send(TENANT, message(null, "+32470000000", "Kort bericht")))
                .hasMessageContaining("503");

        List<Message> posted = new ArrayList<>();
        OutboundChannel post = fake(Channel.POST, posted);
        var router = new ChannelRouter(List.of(sms, post));
        var outcome = router.send(TENANT, Channel.SMS, message(null, "+32470000000", "Kort bericht"));
        assertThat(outcome).isEqualTo(new ChannelRouter.Outcome(Channel.POST, true));
        assertThat(posted).hasSize(1);
        assertThat(gatewayAuth).hasSize(2).containsOnlyNulls();
    }

    @Test
    void thePreferredChannelIsUsedOnlyWhenItsContactDataIsThere() {
        List<Message> emailed = new ArrayList<>();
        List<Message> texted = new ArrayList<>();
        List<Message> posted = new ArrayList<>();
        var router = new ChannelRouter(List.of(fake(Channel.EMAIL, emailed), fake(Channel.SMS, texted), fake(Channel.POST, posted)));
        assertThat(router.send(TENANT, Channel.EMAIL, message("mira@voorbeeld.example", null, null)))
                .isEqualTo(new ChannelRouter.Outcome(Channel.EMAIL, false));
        assertThat(router.send(TENANT, Channel.EMAIL, message(null, "+32470000000", null)))
                .isEqualTo(new ChannelRouter.Outcome(Channel.POST, true));
        assertThat(router.send(TENANT, Channel.SMS, message(null, "+32470000000", null)))
                .as("no short text, no SMS").isEqualTo(new ChannelRouter.Outcome(Channel.POST, true));
        assertThat(router.send(TENANT, Channel.SMS, message(null, "+32470000000", "Kort")))
                .isEqualTo(new ChannelRouter.Outcome(Channel.SMS, false));
        assertThat(router.send(TENANT, Channel.POST, message("mira@voorbeeld.example", "+32470000000", "Kort")))
                .isEqualTo(new ChannelRouter.Outcome(Channel.POST, false));
        assertThat(List.of(emailed.size(), texted.size(), posted.size())).containsExactly(1, 1, 3);
        assertThatThrownBy(() -> new ChannelRouter(List.of(fake(Channel.EMAIL, emailed)))).isInstanceOf(IllegalStateException.class);
    }

    static OutboundChannel fake(Channel channel, List<Message> sink) {
        return new OutboundChannel() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public void send(UUID tenantId, Message message) {
                sink.add(message);
            }
        };
    }
}

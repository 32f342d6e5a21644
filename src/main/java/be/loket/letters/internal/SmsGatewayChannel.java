package be.loket.letters.internal;

import be.loket.letters.OutboundChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.UUID;
import tools.jackson.databind.ObjectMapper;

/**
 * An SMS gateway reached over HTTP: POST of {"to", "text", "reference"} as JSON to the configured URL,
 * with a bearer token when one is set. Any answer other than 2xx counts as not sent.
 */
public class SmsGatewayChannel implements OutboundChannel {
    private final HttpClient http;
    private final URI url;
    private final String token;
    private final ObjectMapper json;

    public SmsGatewayChannel(URI url, String token, ObjectMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.url = url;
        this.token = token;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(UUID tenantId, Message message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("to", message.phone());
        body.put("text", message.shortText());
        body.put("reference", tenantId.toString());
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("SMS gateway answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending an SMS", e);
        }
    }
}

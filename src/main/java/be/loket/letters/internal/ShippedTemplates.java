package be.loket.letters.internal;

import be.loket.letters.TemplateText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The default texts shipped with Loket, one file per template and language under
 * {@code letters/templates/<code>.<lang>.txt}: a line "@subject ...", then "@body" and "@legal" each
 * followed by their text. A municipality that never edits a template uses these.
 */
public final class ShippedTemplates {
    public static final List<String> CODES = List.of("rent-allowance-granted", "rent-allowance-refused", "proofs-requested",
            "proofs-reminder", "monthly-proof-reminder", "renewal-reminder", "decision-granted", "decision-refused", "decision-postponed",
            "outreach-invitation");

    private ShippedTemplates() {
    }

    public static Optional<TemplateText> load(String code, String language) {
        if (!CODES.contains(code)) {
            return Optional.empty();
        }
        try (InputStream in = ShippedTemplates.class.getResourceAsStream("/letters/templates/" + code + "." + language + ".txt")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TemplateText parse(String file) {
        String subject = null;
        StringBuilder body = new StringBuilder();
        StringBuilder legal = new StringBuilder();
        StringBuilder current = null;
        for (String line : file.split("\\R", -1)) {
            if (line.startsWith("@subject ")) {
                subject = line.substring("@subject ".length()).strip();
            } else if (line.strip().equals("@body")) {
                current = body;
            } else if (line.strip().equals("@legal")) {
                current = legal;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (subject == null || body.isEmpty() || legal.isEmpty()) {
            throw new IllegalStateException("A shipped letter template needs @subject, @body and @legal");
        }
        return new TemplateText(subject, body.toString().strip(), legal.toString().strip());
    }
}

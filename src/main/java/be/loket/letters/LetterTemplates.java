package be.loket.letters;

import be.loket.letters.internal.Placeholders;
import be.loket.letters.internal.Readability;
import be.loket.letters.internal.ShippedTemplates;
import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import be.loket.platform.StaleVersionException;
import be.loket.platform.Validation;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letter templates of the acting user's municipality. A template the municipality never edited is the
 * shipped default (revision 0); each save adds a revision, so earlier texts stay on record. A text with
 * an unknown placeholder is refused; long sentences and jargon only give warnings.
 */
@Service
@Transactional
public class LetterTemplates {
    public static final List<String> LANGUAGES = List.of("nl", "fr", "en");

    /** A saved revision with the advice the author should still consider. */
    public record Saved(int revision, List<ReadabilityWarning> warnings) {
    }

    private final JdbcClient jdbc;
    private final Readability readability;
    private final Clock clock;

    LetterTemplates(JdbcClient jdbc, Readability readability, Clock clock) {
        this.jdbc = jdbc;
        this.readability = readability;
        this.clock = clock;
    }

    public List<String> codes() {
        return ShippedTemplates.CODES;
    }

    public List<String> placeholders() {
        return Placeholders.KNOWN;
    }

    /** Every template in one language, as the municipality currently uses it. */
    @Transactional(readOnly = true)
    public List<LetterTemplate> all(String language) {
        List<LetterTemplate> all = new ArrayList<>();
        for (String code : codes()) {
            all.add(current(code, language));
        }
        return all;
    }

    @Transactional(readOnly = true)
    public LetterTemplate current(String code, String language) {
        UUID tenant = CurrentActor.get().tenantId();
        TemplateText shipped = ShippedTemplates.load(code, language).orElseThrow(() -> new NotFoundException("Letter template"));
        Optional<LetterTemplate> saved = jdbc.sql("""
                        select * from letter_template where tenant_id = ? and code = ? and language = ?
                        order by revision desc limit 1""")
                .params(tenant, code, language)
                .query((rs, row) -> new LetterTemplate(code, language, rs.getInt("revision"),
                        new TemplateText(rs.getString("subject"), rs.getString("body"), rs.getString("legal")),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by")))
                .optional();
        return saved.orElseGet(() -> new LetterTemplate(code, language, 0, shipped, null, null));
    }

    /** Advice on a text, for the editor before saving. */
    public List<ReadabilityWarning> check(TemplateText text, String language) {
        List<ReadabilityWarning> warnings = new ArrayList<>();
        warnings.addAll(readability.check("subject", text.subject(), language));
        warnings.addAll(readability.check("body", text.body(), language));
        warnings.addAll(readability.check("legal", text.legal(), language));
        return warnings;
    }

    /** Saves a new revision; refused when someone saved in between (stale revision) or the text is invalid. */
    public Saved save(String code, String language, int expectedRevision, TemplateText text) {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("letter template");
        }
        LetterTemplate current = current(code, language);
        validate(text);
        if (current.revision() != expectedRevision) {
            throw new StaleVersionException("Letter template");
        }
        int revision = expectedRevision + 1;
        try {
            jdbc.sql("""
                    insert into letter_template (id, tenant_id, code, language, revision, subject, body, legal, created_at, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), actor.tenantId(), code, language, revision, text.subject().strip(),
                            text.body().strip(), text.legal().strip(), OffsetDateTime.now(clock), actor.username())
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new StaleVersionException("Letter template");
        }
        return new Saved(revision, check(text, language));
    }

    /** Required parts, lengths and placeholders; every problem at once. */
    static void validate(TemplateText text) {
        var v = new Validation().required("subject", text.subject()).maxLength("subject", text.subject(), 200)
                .required("body", text.body()).maxLength("body", text.body(), 20000)
                .required("legal", text.legal()).maxLength("legal", text.legal(), 10000);
        Placeholders.check(v, "subject", text.subject());
        Placeholders.check(v, "body", text.body());
        Placeholders.check(v, "legal", text.legal());
        v.throwIfInvalid();
    }
}

package be.loket.letters;

import be.loket.audit.AuditLog;
import be.loket.letters.OutboundChannel.Channel;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of letters sent, as one citizen sees it (the portal): the caller names the citizen it
 * has authenticated, and a letter of anyone else, or of another municipality, is not found. Each list
 * and each download is audited.
 */
@Service
@Transactional
public class SentLetters {
    static final String AUDIT_TYPE = "LETTER";

    /** A letter in the register; {@code hasPdf} is false for letters sent before the PDF was kept. */
    public record SentLetter(UUID id, String code, String subject, String language, Channel channel, OffsetDateTime sentAt,
            boolean hasPdf) {
    }

    /** The PDF of one letter, with a file name for the download. */
    public record LetterPdf(UUID id, String fileName, byte[] pdf) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SentLetters(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The letters sent to this citizen in the acting tenant, newest first. */
    public List<SentLetter> of(UUID personId) {
        UUID tenant = CurrentActor.get().tenantId();
        List<SentLetter> found = jdbc.sql("""
                        select l.id, l.code, l.subject, l.language, l.channel, l.sent_at,
                          (select count(*) from letter_sent_pdf p where p.letter_id = l.id) as pdfs
                        from letter_sent l where l.tenant_id = ? and l.person_id = ? order by l.sent_at desc, l.id""")
                .params(tenant, personId)
                .query((rs, n) -> new SentLetter(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("subject"),
                        rs.getString("language"), Channel.valueOf(rs.getString("channel")), rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getLong("pdfs") > 0))
                .list();
        audit.write(AuditLog.Action.SEARCH, AUDIT_TYPE, null, "person=" + personId + " results=" + found.size());
        return found;
    }

    /** The PDF of a letter to this citizen; any other letter is not found. */
    public LetterPdf pdf(UUID personId, UUID letterId) {
        UUID tenant = CurrentActor.get().tenantId();
        LetterPdf found = jdbc.sql("""
                        select l.id, l.subject, p.pdf from letter_sent l join letter_sent_pdf p on p.letter_id = l.id and p.tenant_id = l.tenant_id
                        where l.id = ? and l.tenant_id = ? and l.person_id = ?""")
                .params(letterId, tenant, personId)
                .query((rs, n) -> new LetterPdf(rs.getObject("id", UUID.class), fileName(rs.getString("subject")), rs.getBytes("pdf")))
                .optional().orElseThrow(() -> new NotFoundException("Letter"));
        audit.write(AuditLog.Action.READ, AUDIT_TYPE, letterId, "pdf person=" + personId);
        return found;
    }

    /** Kept with the register row by {@link LetterDispatch}, in the same transaction. */
    static void keepPdf(JdbcClient jdbc, UUID tenantId, UUID letterId, byte[] pdf) {
        jdbc.sql("insert into letter_sent_pdf (letter_id, tenant_id, pdf) values (?, ?, ?)").params(letterId, tenantId, pdf).update();
    }

    static String fileName(String subject) {
        String base = be.loket.platform.Texts.fold(subject == null ? "" : subject).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (base.isEmpty() ? "brief" : base.length() > 60 ? base.substring(0, 60) : base) + ".pdf";
    }
}

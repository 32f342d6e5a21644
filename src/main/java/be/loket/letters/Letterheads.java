package be.loket.letters;

import be.loket.audit.AuditLog;
import be.loket.letters.internal.LogoInspector;
import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipality's letterhead logo: at most one per tenant, uploaded, replaced and removed by its
 * administrator (checked by content, audited). A municipality without one simply gets letters without a logo.
 */
@Service
@Transactional
public class Letterheads {
    static final String AUDIT_ENTITY = "LETTERHEAD_LOGO";

    /** The current logo: the PNG the letters print, what was uploaded, when and by whom. */
    public record Logo(String uploadedType, int uploadedBytes, byte[] png, int width, int height, OffsetDateTime updatedAt,
            String updatedBy) {

        /** The PNG as a data URI, for an {@code <img>} in a page or a letter. */
        public String dataUri() {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Letterheads(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The upload limit, for the form's hint. */
    public static int maxKilobytes() {
        return LogoInspector.MAX_BYTES / 1024;
    }

    /** The logo of the current user's municipality, if it has one (administrators only). */
    @Transactional(readOnly = true)
    public Optional<Logo> logo() {
        return logoOf(admin().tenantId());
    }

    /** Adds or replaces the logo; a file that is refused leaves the old logo as it was. */
    public Logo upload(byte[] content) {
        Actor actor = admin();
        LogoInspector.Checked checked = LogoInspector.inspect(content);
        boolean replaced = jdbc.sql("delete from letterhead_logo where tenant_id = ?").param(actor.tenantId()).update() > 0;
        jdbc.sql("""
                insert into letterhead_logo (tenant_id, uploaded_type, uploaded, png, width, height, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actor.tenantId(), checked.uploadedType(), content, checked.png(), checked.width(), checked.height(),
                        OffsetDateTime.now(clock), actor.username())
                .update();
        audit.write(replaced ? AuditLog.Action.UPDATE : AuditLog.Action.CREATE, AUDIT_ENTITY, actor.tenantId(),
                "type=" + checked.uploadedType() + " bytes=" + content.length);
        return logoOf(actor.tenantId()).orElseThrow();
    }

    /** Removes the logo: from now on letters of this municipality have the plain letterhead. */
    public void remove() {
        Actor actor = admin();
        if (jdbc.sql("delete from letterhead_logo where tenant_id = ?").param(actor.tenantId()).update() == 0) {
            throw new NotFoundException("Letterhead logo");
        }
        audit.write(AuditLog.Action.DELETE, AUDIT_ENTITY, actor.tenantId(), "removed");
    }

    /** For rendering: the logo of this tenant (no personal data, so not audited). */
    @Transactional(readOnly = true)
    Optional<Logo> logoOf(UUID tenantId) {
        return jdbc.sql("select * from letterhead_logo where tenant_id = ?").param(tenantId)
                .query((rs, n) -> new Logo(rs.getString("uploaded_type"), rs.getBytes("uploaded").length, rs.getBytes("png"),
                        rs.getInt("width"), rs.getInt("height"), rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getString("updated_by")))
                .optional();
    }

    /** Anyone else gets "not found": not even whether the municipality has a logo leaks. */
    private static Actor admin() {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.ADMIN)) {
            throw new NotFoundException("Letterhead logo");
        }
        return actor;
    }
}

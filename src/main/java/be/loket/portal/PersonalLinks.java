package be.loket.portal;

import be.loket.audit.AuditLog;
import be.loket.platform.Actor;
import be.loket.platform.ActorSource;
import be.loket.platform.NotFoundException;
import be.loket.platform.PortalLinks;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal links to the portal. The token is 256 random bits, shown once in the link and stored only
 * as its SHA-256, so a copy of the database opens no portal; a link expires (30 days by default) and
 * can be revoked. The link alone does not log in: it only says whom to send a one-time code to.
 */
@Service
@Transactional
public class PersonalLinks implements PortalLinks {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A link that is still valid. */
    public record Link(UUID id, UUID tenantId, UUID personId, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;
    private final Duration validity;

    PersonalLinks(JdbcClient jdbc, AuditLog audit, Clock clock, @Value("${loket.public-url:http://localhost:8080}") String publicUrl,
            @Value("${loket.portal.link-validity:30d}") Duration validity) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.validity = validity;
    }

    public long validityDays() {
        return validity.toDays();
    }

    @Override
    public String issue(UUID tenantId, UUID personId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into portal_link (id, tenant_id, person_id, token_hash, created_at, created_by, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, personId, Hashing.sha256(token), now, issuer(), now.plus(validity)).update();
        if (currentActor() != null && tenantId.equals(currentActor().tenantId())) {
            audit.write(AuditLog.Action.CREATE, "PORTAL_LINK", id, "person=" + personId);
        }
        return publicUrl + "/portal/l/" + token;
    }

    /** The valid link behind a token, if any (unknown, expired and revoked look the same). */
    @Transactional(readOnly = true)
    public Optional<Link> resolve(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        return jdbc.sql("select * from portal_link where token_hash = ? and revoked_at is null and expires_at > ?")
                .params(Hashing.sha256(token), OffsetDateTime.now(clock)).query(PersonalLinks::link).optional();
    }

    /** The link by id, if still valid: a session keeps the id, never the token. */
    @Transactional(readOnly = true)
    public Optional<Link> valid(UUID linkId) {
        return jdbc.sql("select * from portal_link where id = ? and revoked_at is null and expires_at > ?")
                .params(linkId, OffsetDateTime.now(clock)).query(PersonalLinks::link).optional();
    }

    /** Revokes one link of the acting user's tenant; a citizen logged in through it is logged out at their next request. */
    public void revoke(UUID linkId) {
        Actor actor = be.loket.platform.CurrentActor.get();
        int rows = jdbc.sql("update portal_link set revoked_at = ?, revoked_by = ? where id = ? and tenant_id = ? and revoked_at is null")
                .params(OffsetDateTime.now(clock), actor.username(), linkId, actor.tenantId()).update();
        if (rows == 0) {
            throw new NotFoundException("PortalLink");
        }
        audit.write(AuditLog.Action.UPDATE, "PORTAL_LINK", linkId, "revoked");
    }

    /** Revokes every link of a citizen (e.g. a phone was lost). Returns how many. */
    public int revokeAll(UUID personId) {
        Actor actor = be.loket.platform.CurrentActor.get();
        int rows = jdbc.sql("update portal_link set revoked_at = ?, revoked_by = ? where person_id = ? and tenant_id = ? and revoked_at is null")
                .params(OffsetDateTime.now(clock), actor.username(), personId, actor.tenantId()).update();
        audit.write(AuditLog.Action.UPDATE, "PERSON", personId, "portal links revoked=" + rows);
        return rows;
    }

    private static Actor currentActor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ActorSource s ? s.actor() : null;
    }

    private static String issuer() {
        Actor actor = currentActor();
        return actor == null ? "system" : actor.username();
    }

    private static Link link(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Link(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getObject("expires_at", OffsetDateTime.class));
    }
}

package be.loket.identity;

import be.loket.platform.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up tenants, organisations, sites and first users outside any user session: at installation
 * and for the demo data. Not reachable from the web.
 */
@Service
@Transactional
public class Provisioning {
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Provisioning(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    public UUID tenant(String code, String name, Tenant.Kind kind, UUID associationId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into tenant (id, tenant_id, code, name, kind, association_id, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, id, code, name, kind.name(), associationId, OffsetDateTime.now(clock)).update();
        return id;
    }

    public UUID organisation(UUID tenantId, String name, OrganisationType type, String email, String phone) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into organisation (id, tenant_id, name, kind, type, email, phone, active, created_at)
                values (?, ?, ?, ?, ?, ?, ?, true, ?)""")
                .params(id, tenantId, name, type.kind().name(), type.name(), email, phone, OffsetDateTime.now(clock)).update();
        return id;
    }

    public UUID site(UUID tenantId, String name, SiteKind kind, String street, String postalCode, String city, String hours) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into site (id, tenant_id, name, kind, street, postal_code, city, opening_hours, active)
                values (?, ?, ?, ?, ?, ?, ?, ?, true)""")
                .params(id, tenantId, name, kind.name(), street, postalCode, city, hours).update();
        return id;
    }

    public UUID user(UUID tenantId, UUID organisationId, String username, String displayName, String rawPassword,
            Set<Role> roles) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into app_user (id, tenant_id, organisation_id, username, password_hash, display_name, language, enabled, created_at)
                values (?, ?, ?, ?, ?, ?, 'nl', true, ?)""")
                .params(id, tenantId, organisationId, username, encoder.encode(rawPassword), displayName, OffsetDateTime.now(clock))
                .update();
        for (Role r : roles) {
            jdbc.sql("insert into app_user_role (tenant_id, user_id, role) values (?, ?, ?)").params(tenantId, id, r.name()).update();
        }
        return id;
    }
}

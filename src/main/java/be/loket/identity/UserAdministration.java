package be.loket.identity;

import be.loket.audit.AuditLog;
import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.EmailAddresses;
import be.loket.platform.Role;
import be.loket.platform.StaleVersionException;
import be.loket.platform.Texts;
import be.loket.platform.Validation;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator manages the staff and organisations of their own tenant. Every change is audited. */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class UserAdministration {
    public static final int MIN_PASSWORD_LENGTH = 12;

    public record UserCommand(String username, String displayName, String email, String language, UUID organisationId,
            Set<Role> roles, boolean enabled, String newPassword) {
    }

    public record OrganisationCommand(String name, OrganisationType type, String email, String phone, boolean active) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    UserAdministration(JdbcClient jdbc, Directory directory, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    public UUID createUser(UserCommand c) {
        Actor actor = CurrentActor.get();
        validateUser(c, null, true);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into app_user (id, tenant_id, organisation_id, username, password_hash, display_name, email, language,
                                      enabled, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, actor.tenantId(), c.organisationId(), c.username().strip(), encoder.encode(c.newPassword()),
                        c.displayName().strip(), Texts.trimToNull(c.email()), c.language(), c.enabled(), OffsetDateTime.now(clock))
                .update();
        writeRoles(actor.tenantId(), id, c.roles());
        audit.write(AuditLog.Action.CREATE, "USER", id, "username=" + c.username().strip());
        return id;
    }

    public void updateUser(UUID id, long version, UserCommand c) {
        Actor actor = CurrentActor.get();
        directory.user(id); // not found outside the tenant
        validateUser(c, id, false);
        int rows = jdbc.sql("""
                update app_user set organisation_id = ?, display_name = ?, email = ?, language = ?, enabled = ?,
                       version = version + 1 where id = ? and tenant_id = ? and version = ?""")
                .params(c.organisationId(), c.displayName().strip(), Texts.trimToNull(c.email()), c.language(), c.enabled(),
                        id, actor.tenantId(), version)
                .update();
        if (rows == 0) {
            throw new StaleVersionException("User");
        }
        if (c.newPassword() != null && !c.newPassword().isBlank()) {
            jdbc.sql("update app_user set password_hash = ? where id = ?").params(encoder.encode(c.newPassword()), id).update();
        }
        jdbc.sql("delete from app_user_role where user_id = ?").param(id).update();
        writeRoles(actor.tenantId(), id, c.roles());
        audit.write(AuditLog.Action.UPDATE, "USER", id, "roles=" + c.roles() + ", enabled=" + c.enabled());
    }

    public void unlock(UUID id) {
        directory.user(id);
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where id = ? and tenant_id = ?")
                .params(id, CurrentActor.get().tenantId()).update();
        audit.write(AuditLog.Action.UPDATE, "USER", id, "unlocked");
    }

    public UUID createOrganisation(OrganisationCommand c) {
        Actor actor = CurrentActor.get();
        validateOrganisation(c, null);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into organisation (id, tenant_id, name, kind, type, email, phone, active, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, actor.tenantId(), c.name().strip(), c.type().kind().name(), c.type().name(),
                        Texts.trimToNull(c.email()), Texts.trimToNull(c.phone()), c.active(), OffsetDateTime.now(clock))
                .update();
        audit.write(AuditLog.Action.CREATE, "ORGANISATION", id, c.name().strip());
        return id;
    }

    public void updateOrganisation(UUID id, long version, OrganisationCommand c) {
        Actor actor = CurrentActor.get();
        directory.organisation(id);
        validateOrganisation(c, id);
        int rows = jdbc.sql("""
                update organisation set name = ?, kind = ?, type = ?, email = ?, phone = ?, active = ?, version = version + 1
                where id = ? and tenant_id = ? and version = ?""")
                .params(c.name().strip(), c.type().kind().name(), c.type().name(), Texts.trimToNull(c.email()),
                        Texts.trimToNull(c.phone()), c.active(), id, actor.tenantId(), version)
                .update();
        if (rows == 0) {
            throw new StaleVersionException("Organisation");
        }
        audit.write(AuditLog.Action.UPDATE, "ORGANISATION", id, c.name().strip());
    }

    private void validateUser(UserCommand c, UUID self, boolean creating) {
        var v = new Validation()
                .required("username", c.username()).maxLength("username", c.username(), 60)
                .required("displayName", c.displayName()).maxLength("displayName", c.displayName(), 200)
                .maxLength("email", c.email(), 254)
                .required("organisationId", c.organisationId());
        if (c.username() != null && !c.username().isBlank()) {
            if (!c.username().strip().matches("[a-z0-9._-]{3,60}")) {
                v.add("username", "admin.user.username.format");
            } else if (creating && jdbc.sql("select count(*) from app_user where username = ?").param(c.username().strip())
                    .query(Long.class).single() > 0) {
                v.add("username", "admin.user.username.taken");
            }
        }
        if (c.email() != null && !c.email().isBlank() && !EmailAddresses.plausible(c.email())) {
            v.add("email", "validation.email");
        }
        if (c.roles() == null || c.roles().isEmpty()) {
            v.add("roles", "admin.user.roles.required");
        }
        if (c.language() == null || !Set.of("nl", "fr", "en").contains(c.language())) {
            v.add("language", "validation.language");
        }
        if (c.organisationId() != null) {
            try {
                Organisation org = directory.organisation(c.organisationId());
                boolean partnerRole = c.roles() != null && c.roles().contains(Role.PARTNER);
                if (partnerRole != (org.kind() == OrganisationKind.PARTNER)
                        || (partnerRole && c.roles().size() > 1)) {
                    v.add("roles", "admin.user.roles.partnerMismatch");
                }
            } catch (be.loket.platform.NotFoundException e) {
                v.add("organisationId", "validation.unknownOrganisation");
            }
        }
        String pw = c.newPassword();
        if (creating || (pw != null && !pw.isBlank())) {
            if (pw == null || pw.length() < MIN_PASSWORD_LENGTH) {
                v.add("newPassword", "admin.user.password.tooShort", MIN_PASSWORD_LENGTH);
            } else {
                v.maxLength("newPassword", pw, 128);
            }
        }
        if (self != null && self.equals(CurrentActor.get().userId()) && (!c.enabled() || !c.roles().contains(Role.ADMIN))) {
            v.add("roles", "admin.user.selfLockout");
        }
        v.throwIfInvalid();
    }

    private void validateOrganisation(OrganisationCommand c, UUID self) {
        var v = new Validation().required("name", c.name()).maxLength("name", c.name(), 200).required("type", c.type())
                .maxLength("email", c.email(), 254).maxLength("phone", c.phone(), 40);
        if (c.email() != null && !c.email().isBlank() && !EmailAddresses.plausible(c.email())) {
            v.add("email", "validation.email");
        }
        if (c.name() != null && !c.name().isBlank() && jdbc.sql(
                        "select count(*) from organisation where tenant_id = ? and lower(name) = lower(?) and (cast(? as uuid) is null or id <> ?)")
                .params(CurrentActor.get().tenantId(), c.name().strip(), self, self).query(Long.class).single() > 0) {
            v.add("name", "admin.organisation.name.taken");
        }
        v.throwIfInvalid();
    }

    private void writeRoles(UUID tenantId, UUID userId, Set<Role> roles) {
        for (Role r : roles) {
            jdbc.sql("insert into app_user_role (tenant_id, user_id, role) values (?, ?, ?)").params(tenantId, userId, r.name()).update();
        }
    }
}

package be.loket.identity.internal;

import be.loket.platform.Actor;
import be.loket.platform.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads staff for both the login form and HTTP Basic on the API, including the lock-out state. */
@Service
class StaffUserDetailsService implements UserDetailsService {
    private final JdbcClient jdbc;
    private final Clock clock;

    StaffUserDetailsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var row = jdbc.sql("""
                        select u.id, u.tenant_id, u.organisation_id, u.username, u.password_hash, u.display_name, u.enabled,
                               u.locked_until, u.language, o.active as organisation_active
                        from app_user u join organisation o on o.id = u.organisation_id where u.username = ?""")
                .param(username == null ? "" : username.strip())
                .query((rs, i) -> new Object[] {rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                        rs.getObject("organisation_id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
                        rs.getString("display_name"), rs.getBoolean("enabled") && rs.getBoolean("organisation_active"),
                        rs.getObject("locked_until", OffsetDateTime.class), rs.getString("language")})
                .optional().orElseThrow(() -> new UsernameNotFoundException("unknown"));
        UUID id = (UUID) row[0];
        var roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from app_user_role where user_id = ?").param(id).query(String.class).list()
                .forEach(r -> roles.add(Role.valueOf(r)));
        OffsetDateTime lockedUntil = (OffsetDateTime) row[7];
        boolean nonLocked = lockedUntil == null || !lockedUntil.isAfter(OffsetDateTime.now(clock));
        Actor actor = new Actor(id, (String) row[3], (UUID) row[1], (UUID) row[2], roles);
        return new StaffPrincipal(actor, (String) row[5], (String) row[4], (Boolean) row[6], nonLocked, (String) row[8]);
    }
}

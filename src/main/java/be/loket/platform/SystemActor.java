package be.loket.platform;

import java.util.EnumSet;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that no person started (demo data, nightly jobs) as the named system user of one tenant, so
 * the same services, tenant scoping and audit apply as for staff.
 */
public final class SystemActor {
    private SystemActor() {
    }

    public static <T> T runAs(java.util.UUID tenantId, String name, Supplier<T> work) {
        Actor actor = new Actor(null, name, tenantId, null, EnumSet.of(Role.TEAM_LEAD, Role.SOCIAL_WORKER, Role.ADMIN));
        ActorSource principal = () -> actor;
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null,
                actor.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(java.util.UUID tenantId, String name, Runnable work) {
        runAs(tenantId, name, () -> {
            work.run();
            return null;
        });
    }

}

package be.loket.portal;

import be.loket.platform.Actor;
import be.loket.platform.ActorSource;
import be.loket.platform.security.SecurityConfig;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A citizen logged in to the portal through a personal link. As an {@link Actor} the citizen has no
 * staff role at all, so every staff service refuses them (not found) and the audit trail names them
 * ({@code citizen:<person id>}); the portal passes {@link #personId()} to the citizen-facing services.
 */
public record CitizenPrincipal(UUID tenantId, UUID personId, UUID linkId) implements ActorSource, Serializable {

    @Override
    public Actor actor() {
        return new Actor(null, username(personId), tenantId, null, Set.of());
    }

    static String username(UUID personId) {
        return "citizen:" + personId;
    }

    /** Runs work with this citizen as the current actor, e.g. to audit a login in their name. */
    public <T> T run(java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication());
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public Authentication authentication() {
        return new UsernamePasswordAuthenticationToken(this, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + SecurityConfig.CITIZEN_ROLE)));
    }
}

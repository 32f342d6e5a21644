package be.loket.platform;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the acting staff member from the security context; fails closed when there is none. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ActorSource source) {
            return source.actor();
        }
        throw new AuthenticationCredentialsNotFoundException("No authenticated staff member");
    }
}

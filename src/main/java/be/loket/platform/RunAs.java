package be.loket.platform;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Runs work on behalf of a real staff user (demo data, tests), with their own principal: tenant,
 * organisation and roles apply exactly as when they are logged in. Unlike {@link SystemActor}, the
 * audit trail and authorship name the person.
 */
public final class RunAs {
    private RunAs() {
    }

    public static <T> T user(UserDetails user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}

package be.loket.platform.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which menu entries the signed-in user sees, for the page layout ({@code ${@nav.any('TEAM_LEAD')}}).
 * The layout asks this on every page; {@code sec:authorize} looked up the expression handler among all beans
 * and parsed a security expression for each of its seventeen entries. Whether an action is allowed is
 * still decided by the controllers and services, never by the menu.
 */
@Component("nav")
public class Navigation {

    /** Signed in (staff or citizen), as {@code isAuthenticated()}. */
    public boolean signedIn() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken);
    }

    /** Signed in with at least one of these roles (names without the {@code ROLE_} prefix), as {@code hasAnyRole(...)}. */
    public boolean any(String... roles) {
        if (!signedIn()) {
            return false;
        }
        for (GrantedAuthority granted : SecurityContextHolder.getContext().getAuthentication().getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority != null && authority.startsWith("ROLE_")) {
                for (String role : roles) {
                    if (authority.length() == role.length() + 5 && authority.endsWith(role)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

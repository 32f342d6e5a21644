package be.loket.platform;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated staff member on whose behalf the current request runs: who they are, in which
 * tenant and organisation, and with which roles. Every query is scoped by {@link #tenantId()}.
 */
public record Actor(UUID userId, String username, UUID tenantId, UUID organisationId, Set<Role> roles)
        implements Serializable {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }
}

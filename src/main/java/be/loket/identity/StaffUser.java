package be.loket.identity;

import be.loket.platform.Role;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

public record StaffUser(UUID id, UUID tenantId, UUID organisationId, String organisationName, String username,
        String displayName, String email, String language, Set<Role> roles, boolean enabled, int failedAttempts,
        OffsetDateTime lockedUntil, OffsetDateTime lastLoginAt, long version) {

    public boolean locked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

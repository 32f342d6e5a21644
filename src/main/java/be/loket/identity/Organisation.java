package be.loket.identity;

import java.util.UUID;

public record Organisation(UUID id, UUID tenantId, String name, OrganisationType type, String email, String phone,
        boolean active, long version) {

    public OrganisationKind kind() {
        return type.kind();
    }
}

package be.loket.identity;

import java.util.UUID;

public record Site(UUID id, UUID tenantId, String name, SiteKind kind, String street, String postalCode, String city,
        String openingHours, boolean active) {
}

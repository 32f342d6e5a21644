package be.loket.identity;

import java.util.UUID;

/** A municipality (the controller of its citizens' data) or an association grouping municipalities. */
public record Tenant(UUID id, String code, String name, Kind kind, UUID associationId) {
    public enum Kind { MUNICIPALITY, ASSOCIATION }
}

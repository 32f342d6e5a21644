package be.loket.platform;

/** Staff roles. A user holds one or more; authorities are named {@code ROLE_<name>}. */
public enum Role {
    FRONT_DESK, SOCIAL_WORKER, SPECIALIST, TEAM_LEAD, PARTNER, COMMITTEE, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles of the municipality's own services, as opposed to partner organisations. */
    public boolean isOwnService() {
        return this != PARTNER;
    }
}

package be.loket.identity;

/** What an organisation does; drives defaults such as which roles its users usually get. */
public enum OrganisationType {
    SOCIAL_SERVICE(OrganisationKind.OWN_SERVICE),
    FRONT_DESK(OrganisationKind.OWN_SERVICE),
    HOUSING_SERVICE(OrganisationKind.OWN_SERVICE),
    ENERGY_WATER_CELL(OrganisationKind.OWN_SERVICE),
    ADMINISTRATION(OrganisationKind.OWN_SERVICE),
    SOCIAL_HOUSING_COMPANY(OrganisationKind.PARTNER),
    DEBT_MEDIATION(OrganisationKind.PARTNER),
    ENERGY_SCANNER(OrganisationKind.PARTNER),
    WATER_COMPANY(OrganisationKind.PARTNER),
    TENANTS_UNION(OrganisationKind.PARTNER),
    OTHER_PARTNER(OrganisationKind.PARTNER);

    private final OrganisationKind kind;

    OrganisationType(OrganisationKind kind) {
        this.kind = kind;
    }

    public OrganisationKind kind() {
        return kind;
    }
}

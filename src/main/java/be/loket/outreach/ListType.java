package be.loket.outreach;

import be.loket.identity.OrganisationType;

/** The partner lists Loket understands; their column layout is documented in docs/outreach-list-formats.md. */
public enum ListType {
    /** The social housing company's registered candidates, with the conditions it can confirm. */
    WAITING_LIST(OrganisationType.SOCIAL_HOUSING_COMPANY),
    /** The social housing company's monthly list of tenants in rent arrears. */
    RENT_ARREARS(OrganisationType.SOCIAL_HOUSING_COMPANY),
    /** The water company's list of customers with payment arrears. */
    WATER_ARREARS(OrganisationType.WATER_COMPANY);

    private final OrganisationType partnerType;

    ListType(OrganisationType partnerType) {
        this.partnerType = partnerType;
    }

    /** Only this kind of partner sends this list. */
    public OrganisationType partnerType() {
        return partnerType;
    }
}

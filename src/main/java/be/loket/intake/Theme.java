package be.loket.intake;

/** What a question is about; counts per theme steer the service. */
public enum Theme {
    HOUSING, WATER, ENERGY, DEBT, INCOME, WORK, FAMILY, CARE, ADMINISTRATION, OTHER
}

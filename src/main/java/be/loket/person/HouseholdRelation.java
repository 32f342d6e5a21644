package be.loket.person;

/** A member's relation within the household, as seen from its reference person. */
public enum HouseholdRelation {
    REFERENCE_PERSON, PARTNER, CHILD, PARENT, SIBLING, OTHER_FAMILY, OTHER
}

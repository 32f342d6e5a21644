package be.loket.person;

/** How a citizen prefers to be reached. */
public enum ContactChannel {
    LETTER, EMAIL, SMS, PHONE, HOME_VISIT
}

package be.loket.intake;

/** Through which door the citizen came in. */
public enum Channel {
    WALK_IN, PHONE, EMAIL, LETTER, HOME_VISIT, OUTREACH_EVENT, PARTNER_REFERRAL
}

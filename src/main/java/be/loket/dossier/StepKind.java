package be.loket.dossier;

/** What happened in a step of the timeline. */
public enum StepKind {
    NOTE, PHONE_CALL, LETTER, HOME_VISIT, REFERRAL, PARTNER_ACTION, DECISION, DOCUMENT
}

package be.loket.campaigns.internal;

/** What came of a contact attempt. Reached means the person was spoken to, whatever they decided. */
public enum Outcome {
    REACHED, NO_ANSWER, DOOR_CLOSED, WRONG_ADDRESS, APPOINTMENT_MADE, APPLIED, REFUSED;

    public boolean reached() {
        return this == REACHED || this == APPOINTMENT_MADE || this == APPLIED || this == REFUSED;
    }

    public boolean applied() {
        return this == APPLIED;
    }

    /** After this outcome a phone call or home visit is no longer to be done. */
    public boolean closesTask() {
        return reached() || this == WRONG_ADDRESS;
    }
}

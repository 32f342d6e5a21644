package be.loket.campaigns.internal;

import be.loket.dossier.StepKind;

/** How a campaign reaches a person. Letters are printed in a batch; SMS and e-mail go out through the letters module. */
public enum ContactMethod {
    LETTER(StepKind.LETTER), SMS(StepKind.NOTE), EMAIL(StepKind.NOTE), PHONE_CALL(StepKind.PHONE_CALL), HOME_VISIT(StepKind.HOME_VISIT);

    private final StepKind stepKind;

    ContactMethod(StepKind stepKind) {
        this.stepKind = stepKind;
    }

    /** The kind of dossier step an attempt by this method becomes. */
    public StepKind stepKind() {
        return stepKind;
    }

    /** Sent by Loket itself; the person needs a citizen record (address, phone or e-mail). */
    public boolean needsPerson() {
        return this == LETTER || this == SMS || this == EMAIL;
    }

    /** A worker has to do something: these are the tasks on the campaign's contact list. */
    public boolean isTask() {
        return this == PHONE_CALL || this == HOME_VISIT;
    }
}

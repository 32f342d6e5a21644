package be.loket.intake;

/**
 * What was done with the question. Answered, referred and dossier outcomes close the question at once;
 * an appointment or a question still to answer stays open until someone marks it handled.
 */
public enum Outcome {
    ANSWERED(true), REFERRED(true), DOSSIER(true), APPOINTMENT(false), TO_ANSWER(false);

    private final boolean handledAtOnce;

    Outcome(boolean handledAtOnce) {
        this.handledAtOnce = handledAtOnce;
    }

    public boolean handledAtOnce() {
        return handledAtOnce;
    }
}

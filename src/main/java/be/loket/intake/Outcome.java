package be.loket.intake;

/**
 * What was done with the question. Answered and referred close the question at once. DOSSIER needs a
 * citizen and stays open until a dossier is opened from the contact or the question is added to one
 * ({@link Contacts#linkDossier}), so "dossier" never means that no dossier exists. An appointment or a
 * question still to answer stays open until someone marks it handled.
 */
public enum Outcome {
    ANSWERED(true), REFERRED(true), DOSSIER(false), APPOINTMENT(false), TO_ANSWER(false);

    private final boolean handledAtOnce;

    Outcome(boolean handledAtOnce) {
        this.handledAtOnce = handledAtOnce;
    }

    public boolean handledAtOnce() {
        return handledAtOnce;
    }
}

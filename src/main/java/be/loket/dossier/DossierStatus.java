package be.loket.dossier;

import java.util.Set;

/** Where a dossier stands. Closing needs a reason; a closed dossier can only be reopened. */
public enum DossierStatus {
    OPEN, IN_FOLLOW_UP, CLOSED, REOPENED;

    public Set<DossierStatus> next() {
        return switch (this) {
            case OPEN, REOPENED -> Set.of(IN_FOLLOW_UP, CLOSED);
            case IN_FOLLOW_UP -> Set.of(CLOSED);
            case CLOSED -> Set.of(REOPENED);
        };
    }
}

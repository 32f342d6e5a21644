package be.loket.applications;

import java.util.Set;

/** Where an application stands; the last three are decisions, and a decided application may be decided again. */
public enum ApplicationStatus {
    DRAFT, WAITING_FOR_PROOFS, READY_FOR_DECISION, GRANTED, REFUSED, POSTPONED;

    public boolean decided() {
        return this == GRANTED || this == REFUSED || this == POSTPONED;
    }

    /** The statuses a worker may move to by hand; decisions come only through {@link Applications#decide}. */
    public Set<ApplicationStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(WAITING_FOR_PROOFS, READY_FOR_DECISION);
            case WAITING_FOR_PROOFS -> Set.of(READY_FOR_DECISION);
            case READY_FOR_DECISION -> Set.of(WAITING_FOR_PROOFS);
            case POSTPONED -> Set.of(WAITING_FOR_PROOFS, READY_FOR_DECISION);
            case GRANTED, REFUSED -> Set.of();
        };
    }
}

package be.loket.dossier;

import java.util.List;
import java.util.UUID;

/**
 * Opening a dossier: for whom, who owns it (empty: on the team lead's unassigned list), from which contact.
 * With {@code householdId} it is the dossier of the whole household the person currently lives in (ADR 0204).
 */
public record OpenDossier(UUID personId, UUID ownerId, UUID contactId, List<String> lifeDomains, UUID householdId) {

    /** A personal dossier. */
    public OpenDossier(UUID personId, UUID ownerId, UUID contactId, List<String> lifeDomains) {
        this(personId, ownerId, contactId, lifeDomains, null);
    }
}

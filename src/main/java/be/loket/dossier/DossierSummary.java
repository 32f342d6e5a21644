package be.loket.dossier;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A line of "my work", the unassigned list or a citizen's dossiers; {@code householdId} set for a household dossier. */
public record DossierSummary(UUID id, UUID personId, String personName, UUID householdId, UUID ownerId, String ownerName, DossierStatus status,
        OffsetDateTime lastActivityAt, int unseenPartnerSteps, int openQuestions, long version) {
}

package be.loket.dossier;

import be.loket.intake.Theme;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A dossier as the acting user may see it: a partner gets only SHARED steps and no shares or history.
 * {@code householdId} is set for a dossier of the whole household (the person is the one it was opened for).
 * {@code manageable} says whether the user may change status and shares (owner or team lead).
 */
public record DossierView(UUID id, UUID personId, String personName, UUID householdId, UUID ownerId, String ownerName, DossierStatus status,
        String closeReason, List<Theme> lifeDomains, OffsetDateTime openedAt, OffsetDateTime lastActivityAt, long version,
        List<Step> steps, List<Share> shares, List<Change> history, boolean manageable) {

    public record Step(UUID id, StepKind kind, Visibility visibility, String text, String authorName, String organisationName,
            boolean byPartner, LocalDate occurredOn, OffsetDateTime createdAt, boolean unseen) {
    }

    public record Share(UUID organisationId, String organisationName, String purpose, OffsetDateTime startedAt, String startedBy,
            OffsetDateTime endedAt, String endedBy) {
        public boolean active() {
            return endedAt == null;
        }
    }

    public record Change(String what, String oldValue, String newValue, String reason, OffsetDateTime changedAt, String changedBy) {
    }
}

package be.loket.applications;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A grant the system proposes and a staff member must confirm: the renewal of a running grant whose facts
 * for the new year are all known and still valid, or a grant for a citizen who did not apply, where the
 * right's rule allows automatic granting and every fact comes from a trusted source (seed 004).
 */
public record GrantProposal(UUID id, Kind kind, UUID personId, String personName, String rightId, String rightName, int forYear,
        LocalDate periodFrom, LocalDate periodUntil, BigDecimal monthlyAmount, String evaluationOutcome, List<String> facts,
        UUID applicationId, Status status, OffsetDateTime proposedAt) {

    public enum Kind { RENEWAL, AUTOMATIC }

    public enum Status { PROPOSED, CONFIRMED, REJECTED }
}

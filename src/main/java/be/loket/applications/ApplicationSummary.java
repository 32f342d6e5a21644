package be.loket.applications;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A line in a list of applications (a citizen's, or those ready for decision). {@code proofsOverdueSince}:
 * the first day after the deadline of the latest proofs request, while proofs are still missing; else null.
 */
public record ApplicationSummary(UUID id, UUID personId, String personName, String rightId, String rightName,
        ApplicationStatus status, LocalDate appliedOn, long version, LocalDate proofsOverdueSince) {
}

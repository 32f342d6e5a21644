package be.loket.applications;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An application as a case worker or committee member sees it, with its checklist, facts, decisions and grant;
 * {@code proofsOverdueSince} as in {@link ApplicationSummary}.
 */
public record ApplicationView(UUID id, UUID personId, String personName, String rightId, String rightName,
        ApplicationStatus status, LocalDate appliedOn, UUID dossierId, String report, DecisionOutcome proposalOutcome,
        BigDecimal proposalAmount, String proposalText, long version, List<Proof> proofs, List<Fact> facts,
        List<Decision> decisions, Grant grant, List<Change> history, LocalDate proofsOverdueSince) {

    public record Proof(UUID id, int position, String label, ProofStatus status, UUID documentId, boolean reused,
            String refusalReason, LocalDate validUntil, OffsetDateTime changedAt, String changedBy) {
    }

    public record Fact(String name, String value, FactSource source, OffsetDateTime recordedAt, String recordedBy) {
    }

    public record Decision(UUID id, int seq, DecisionOutcome outcome, BigDecimal monthlyAmount, LocalDate periodFrom,
            LocalDate periodUntil, String reasons, String missing, String route, UUID sessionId, String evaluationOutcome,
            BigDecimal evaluationAmount, String ruleVersion, OffsetDateTime decidedAt, String decidedBy) {
    }

    public record Grant(UUID id, LocalDate periodFrom, LocalDate periodUntil, BigDecimal monthlyAmount, List<String> duties) {
    }

    public record Change(String what, String detail, OffsetDateTime changedAt, String changedBy) {
    }

    public boolean hasRefusedProofs() {
        return proofs.stream().anyMatch(p -> p.status() == ProofStatus.REFUSED);
    }

    /** The latest decision, or null. */
    public Decision decision() {
        return decisions.isEmpty() ? null : decisions.get(0);
    }
}

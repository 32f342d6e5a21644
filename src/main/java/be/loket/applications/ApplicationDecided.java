package be.loket.applications;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Published when an application is decided (again): letters, reminders and reporting react to it. */
public record ApplicationDecided(UUID tenantId, UUID applicationId, UUID decisionId, int seq, UUID personId, String rightId,
        DecisionOutcome outcome, BigDecimal monthlyAmount, LocalDate periodFrom, LocalDate periodUntil) {
}

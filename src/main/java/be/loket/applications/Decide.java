package be.loket.applications;

import java.util.UUID;

/**
 * A decision as entered (texts, so UI and API get the same messages): the outcome, for a grant the
 * amount per month and the period, for a refusal the reasons, for a postponement what is missing.
 * {@code route} and {@code sessionId} say who decided: the committee module fills them.
 */
public record Decide(String outcome, String monthlyAmount, String periodFrom, String periodUntil, String reasons,
        String missing, String route, UUID sessionId) {
}

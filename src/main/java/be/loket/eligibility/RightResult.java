package be.loket.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of one right on one date: the outcome, the amount when it can be computed, every
 * condition with its status and explanation, the facts that could still change the outcome, and the
 * rule and parameter versions used.
 */
public record RightResult(String right, String name, Outcome outcome, Amount amount, List<ConditionResult> conditions,
        List<String> missingFacts, String ruleVersion, Map<String, ParameterUse> parameters) {

    public record Amount(BigDecimal value, String per) {
    }

    public record ConditionResult(String id, ConditionStatus status, String explanation) {
    }

    public record ParameterUse(BigDecimal value, LocalDate from, String source) {
    }
}

package be.loket.eligibility;

import java.util.List;
import java.util.stream.Collectors;

/** Rule files refused as a whole: nothing of them is used, and the previous rules stay in force. */
public class RuleLoadException extends RuntimeException {
    private final List<RuleProblem> problems;

    public RuleLoadException(List<RuleProblem> problems) {
        super("Rule files refused:\n" + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    /** The report as shown to an administrator: one line per problem. */
    public String report() {
        return problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n"));
    }
}

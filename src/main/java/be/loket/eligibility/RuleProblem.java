package be.loket.eligibility;

/** One defect found while loading rule files: where (file and line) and what, quoting the offending text. */
public record RuleProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}

package be.loket.platform;

import java.util.List;

/** Input refused before anything was saved; carries every violation so the user can fix all at once. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super("Invalid input: " + violations);
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(FieldViolation violation) {
        this(List.of(violation));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}

package be.loket.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects field violations for a command and throws them together. Message keys live in the bundles. */
public final class Validation {
    private final List<FieldViolation> violations = new ArrayList<>();

    public Validation required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            violations.add(new FieldViolation(field, "validation.required"));
        }
        return this;
    }

    public Validation maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new FieldViolation(field, "validation.tooLong", max, value.length()));
        }
        return this;
    }

    public Validation add(String field, String key, Object... args) {
        violations.add(new FieldViolation(field, key, args));
        return this;
    }

    public boolean hasErrorOn(String field) {
        return violations.stream().anyMatch(v -> v.field().equals(field));
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}

package be.loket.platform;

import java.util.List;

/** One invalid field: the message key (from the bundles) and its arguments. */
public record FieldViolation(String field, String messageKey, List<Object> args) {
    public FieldViolation(String field, String messageKey, Object... args) {
        this(field, messageKey, List.of(args));
    }
}

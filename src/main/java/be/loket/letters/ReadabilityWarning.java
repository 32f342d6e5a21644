package be.loket.letters;

import java.util.List;

/** Advice for the author, not a refusal: which part of the template, the message key and its arguments. */
public record ReadabilityWarning(String part, String messageKey, List<Object> args) {
}

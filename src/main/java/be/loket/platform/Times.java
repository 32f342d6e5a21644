package be.loket.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Moments shown to people, in the municipality's time (ADR 0014). PostgreSQL's driver hands every
 * {@code timestamptz} back as an {@code OffsetDateTime} in UTC, so a moment must be moved to the
 * municipality's zone before its date or hour is shown or written into a letter. Templates reach this
 * through {@code #times.format(value, pattern)}.
 */
public final class Times {
    /** The municipality's zone: the one place it is named; the application's {@code Clock} runs in it. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    /** Parsed patterns per language: a list page formats hundreds of values with the same few patterns. */
    private static final java.util.concurrent.ConcurrentMap<String, DateTimeFormatter> FORMATTERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Times() {
    }

    /** The wall-clock time in the municipality at that moment; null stays null. */
    public static LocalDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZONE).toLocalDateTime();
    }

    /** The municipality's calendar day at that moment; null stays null. */
    public static LocalDate date(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZONE).toLocalDate();
    }

    /**
     * A value ready to format: a moment ({@link OffsetDateTime}, {@link ZonedDateTime}, {@link Instant})
     * moved to the municipality's zone; a local date, time or date-time passed through unchanged, because
     * it already is the municipality's.
     */
    public static TemporalAccessor displayable(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(ZONE);
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(ZONE);
        }
        if (value instanceof Instant i) {
            return i.atZone(ZONE);
        }
        if (value instanceof TemporalAccessor t) {
            return t;
        }
        throw new IllegalArgumentException("Not a date or time: " + value.getClass().getName());
    }

    /** The value formatted with a {@link DateTimeFormatter} pattern in the municipality's time; null gives null. */
    public static String format(Object value, String pattern, Locale locale) {
        TemporalAccessor t = displayable(value);
        if (t == null) {
            return null;
        }
        // Bounded in practice: the patterns are the templates' literals, the locales the three languages.
        return FORMATTERS.computeIfAbsent(locale.toLanguageTag() + '|' + pattern, k -> DateTimeFormatter.ofPattern(pattern, locale))
                .format(t);
    }
}

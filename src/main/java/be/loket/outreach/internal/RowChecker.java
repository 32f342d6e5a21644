package be.loket.outreach.internal;

import be.loket.person.Insz;
import be.loket.person.People;
import be.loket.platform.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the mapped cells of each row into typed values, or into a specific problem per cell with the
 * line the user sees in their spreadsheet. Pure: no database, so it can be tested and reused freely.
 */
public final class RowChecker {
    private static final Pattern DUTCH_THOUSANDS = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+");
    private static final Pattern ENGLISH_THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+\\.\\d+");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{4}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,4}");
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?\\d+(\\.\\d{1,2})?");
    private static final Set<String> YES = Set.of("ja", "j", "yes", "y", "oui", "o", "true", "waar", "1", "x");
    private static final Set<String> NO = Set.of("nee", "n", "no", "non", "false", "onwaar", "0");

    /** A row whose every mapped cell parsed: values by field (String, LocalDate, BigDecimal, Integer, Boolean). */
    public record ParsedRow(int line, Map<ListField, Object> values, String key) {
        public String text(ListField f) {
            Object v = values.get(f);
            return v == null ? null : v.toString();
        }
    }

    /** One problem: line in the file, the field (null for the row as a whole), message key and the offending text. */
    public record RowError(int line, ListField field, String messageKey, String argument) {
    }

    public record Checked(List<ParsedRow> valid, List<RowError> errors, int rowsRead) {
        public int invalidRows() {
            return (int) errors.stream().mapToInt(RowError::line).distinct().count();
        }
    }

    private RowChecker() {
    }

    public static Checked check(TableReader.Table table, Map<ListField, Integer> mapping, Layout layout, LocalDate today) {
        List<ParsedRow> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (TableReader.SourceRow row : table.rows()) {
            Map<ListField, Object> values = new EnumMap<>(ListField.class);
            List<RowError> rowErrors = new ArrayList<>();
            for (ListField field : layout.fields()) {
                Integer column = mapping.get(field);
                String text = column == null ? null : Texts.trimToNull(row.cell(column));
                if (text == null) {
                    if (layout.isRequired(field)) {
                        rowErrors.add(new RowError(row.line(), field, "outreach.error.required", null));
                    }
                    continue;
                }
                parse(field, text, today).ifPresentOrElse(v -> values.put(field, v),
                        () -> rowErrors.add(new RowError(row.line(), field, errorKey(field, text, today), shorten(text))));
            }
            if (rowErrors.isEmpty()) {
                if (layout.needsInszOrBirthDate() && !values.containsKey(ListField.INSZ) && !values.containsKey(ListField.BIRTH_DATE)) {
                    rowErrors.add(new RowError(row.line(), null, "outreach.error.inszOrBirthDate", null));
                } else if (values.get(ListField.INSZ) instanceof String insz && values.get(ListField.BIRTH_DATE) instanceof LocalDate birth) {
                    Optional<LocalDate> encoded = Insz.parse(insz).flatMap(Insz::birthDate);
                    if (encoded.isPresent() && !encoded.get().equals(birth)) {
                        rowErrors.add(new RowError(row.line(), ListField.INSZ, "outreach.error.inszBirthDate", Insz.parse(insz).get().formatted()));
                    }
                }
            }
            if (rowErrors.isEmpty()) {
                valid.add(new ParsedRow(row.line(), values, key(layout, values)));
            } else {
                errors.addAll(rowErrors);
            }
        }
        return new Checked(valid, errors, table.rows().size());
    }

    static Optional<Object> parse(ListField field, String text, LocalDate today) {
        return switch (field.kind()) {
            case INSZ -> Insz.parse(text).map(Insz::digits);
            case NAME, TEXT, SHORT -> text.length() <= field.maxLength() ? Optional.of(text) : Optional.empty();
            case DATE -> People.parseDate(text).filter(d -> d.getYear() >= 1890)
                    .filter(d -> field != ListField.BIRTH_DATE || !d.isAfter(today)).map(d -> d);
            case POSTAL_CODE -> POSTAL_CODE.matcher(text).matches() ? Optional.of(text) : Optional.empty();
            case AMOUNT -> amount(text).filter(a -> a.signum() >= 0).map(a -> a);
            case WHOLE_NUMBER -> WHOLE_NUMBER.matcher(text).matches() ? Optional.of(Integer.parseInt(text)) : Optional.empty();
            case YES_NO -> yesNo(text).map(b -> b);
        };
    }

    private static String errorKey(ListField field, String text, LocalDate today) {
        return switch (field.kind()) {
            case INSZ -> "outreach.error.insz";
            case NAME, TEXT, SHORT -> "outreach.error.tooLong";
            case DATE -> People.parseDate(text).isEmpty() ? "outreach.error.date"
                    : People.parseDate(text).get().isAfter(today) ? "outreach.error.dateFuture" : "outreach.error.dateTooOld";
            case POSTAL_CODE -> "outreach.error.postalCode";
            case AMOUNT -> "outreach.error.amount";
            case WHOLE_NUMBER -> "outreach.error.wholeNumber";
            case YES_NO -> "outreach.error.yesNo";
        };
    }

    /**
     * Amounts as Belgian partners write them: "1.234,56", "1234,56", "€ 1 234,56", "1234.56" and, from
     * English exports, "1,234.56". A lone dot followed by exactly three digits is a thousands separator.
     */
    public static Optional<BigDecimal> amount(String text) {
        String t = text.replace("€", "").replace("EUR", "").replace("\u00a0", "").replace(" ", "").strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String normal;
        if (ENGLISH_THOUSANDS.matcher(t).matches()) {
            normal = t.replace(",", "");
        } else if (t.contains(",")) {
            normal = t.replace(".", "").replace(',', '.');
        } else if (DUTCH_THOUSANDS.matcher(t).matches()) {
            normal = t.replace(".", "");
        } else {
            normal = t;
        }
        if (!PLAIN_AMOUNT.matcher(normal).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(normal).setScale(2, RoundingMode.UNNECESSARY));
    }

    static Optional<Boolean> yesNo(String text) {
        String t = Texts.fold(text).toLowerCase(Locale.ROOT);
        if (YES.contains(t)) {
            return Optional.of(true);
        }
        if (NO.contains(t)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** The same person with the same values on the same kind of list gives the same key, whatever the file. */
    static String key(Layout layout, Map<ListField, Object> values) {
        StringBuilder b = new StringBuilder(layout.type().name());
        values.forEach((f, v) -> b.append('|').append(f.name()).append('=')
                .append(f.kind() == ListField.Kind.NAME || f.kind() == ListField.Kind.TEXT ? Texts.fold(v.toString()) : v));
        return sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}

package be.loket.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Belgian national number (INSZ / rijksregisternummer): YYMMDD-SSS-CC. The check digits are 97 minus
 * the first nine digits modulo 97; for people born from 2000 on, a 2 is put before those nine digits.
 * BIS numbers add 20 or 40 to the month; a month or day of 00 means the birth date is not fully known.
 */
public final class Insz {
    private final String digits;

    private Insz(String digits) {
        this.digits = digits;
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/]");
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** Parses "85.07.30-033.28", "85073003328" and similar; empty when the text is not a valid INSZ. */
    public static Optional<Insz> parse(String text) {
        return parse(text, LocalDate.now(BRUSSELS));
    }

    /**
     * As {@link #parse(String)}, judged on the given day: the birth date a number encodes must exist
     * (no 30 February) and must not lie after that day. Numbers of people whose birth date is not fully
     * known keep month and/or day 00 (also in BIS numbers, whose month has 20 or 40 added) and are valid
     * as far as the known part goes.
     */
    public static Optional<Insz> parse(String text, LocalDate today) {
        if (text == null) {
            return Optional.empty();
        }
        String d = SEPARATORS.matcher(text).replaceAll("");
        if (!ELEVEN_DIGITS.matcher(d).matches()) {
            return Optional.empty();
        }
        long first9 = Long.parseLong(d.substring(0, 9));
        int check = Integer.parseInt(d.substring(9));
        boolean before2000 = 97 - (first9 % 97) == check;
        boolean from2000 = 97 - ((2_000_000_000L + first9) % 97) == check;
        if (!before2000 && !from2000) {
            return Optional.empty();
        }
        int monthRaw = Integer.parseInt(d.substring(2, 4));
        // 00-12 for a national number, 20-32 and 40-52 for a BIS number; month and/or day 00 when not known.
        int month = monthRaw % 20;
        int day = Integer.parseInt(d.substring(4, 6));
        if (monthRaw > 52 || month > 12 || day > 31) {
            return Optional.empty();
        }
        int year = (from2000 ? 2000 : 1900) + Integer.parseInt(d.substring(0, 2));
        if (year > today.getYear()) {
            return Optional.empty();
        }
        if (month != 0) {
            YearMonth ym = YearMonth.of(year, month);
            if (ym.isAfter(YearMonth.from(today)) || day > ym.lengthOfMonth()
                    || (day != 0 && ym.atDay(day).isAfter(today))) {
                return Optional.empty();
            }
        }
        return Optional.of(new Insz(d));
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /** Eleven digits, no separators: the stored form. */
    public String digits() {
        return digits;
    }

    /** The birth date the number encodes, when it is complete and a real date. */
    public Optional<LocalDate> birthDate() {
        int yy = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4)) % 20;
        int day = Integer.parseInt(digits.substring(4, 6));
        if (month == 0 || day == 0) {
            return Optional.empty();
        }
        long first9 = Long.parseLong(digits.substring(0, 9));
        int check = Integer.parseInt(digits.substring(9));
        int century = 97 - (first9 % 97) == check ? 1900 : 2000;
        try {
            return Optional.of(LocalDate.of(century + yy, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** YY.MM.DD-SSS.CC, as printed on the identity card. */
    public String formatted() {
        return digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6) + "-"
                + digits.substring(6, 9) + "." + digits.substring(9);
    }

    /** Builds a valid number for a birth date and sequence; used for fictitious demo and test data. */
    public static Insz of(LocalDate birthDate, int sequence) {
        String first9 = String.format("%02d%02d%02d%03d", birthDate.getYear() % 100, birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), sequence);
        long n = Long.parseLong(first9) + (birthDate.getYear() >= 2000 ? 2_000_000_000L : 0);
        return new Insz(first9 + String.format("%02d", 97 - (n % 97)));
    }

    @Override
    public String toString() {
        return formatted();
    }
}

package be.loket.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InszTests {

    @Test
    void acceptsValidNumberBornBefore2000InAnyNotation() {
        // 85.07.30-033 -> 97 - (850730033 mod 97) = 28
        assertThat(Insz.parse("85.07.30-033.28")).isPresent();
        assertThat(Insz.parse("85073003328")).isPresent();
        assertThat(Insz.parse(" 850730 033 28 ")).get().extracting(Insz::digits).isEqualTo("85073003328");
        assertThat(Insz.parse("85073003328").get().birthDate()).contains(LocalDate.of(1985, 7, 30));
        assertThat(Insz.parse("85073003328").get().formatted()).isEqualTo("85.07.30-033.28");
    }

    @Test
    void acceptsNumberBornFrom2000WithThePrefixedTwo() {
        // born 2003-06-15, sequence 101: check = 97 - (2030615101 mod 97)
        long first9 = 30615101L;
        long check = 97 - ((2_000_000_000L + first9) % 97);
        String number = String.format("%09d%02d", first9, check);
        assertThat(Insz.parse(number)).isPresent();
        assertThat(Insz.parse(number).get().birthDate()).contains(LocalDate.of(2003, 6, 15));
        // The same digits with the pre-2000 check digits are a different (1903) person.
        String as1903 = String.format("%09d%02d", first9, 97 - (first9 % 97));
        assertThat(Insz.parse(as1903).get().birthDate()).contains(LocalDate.of(1903, 6, 15));
    }

    @Test
    void generatedNumbersAreValidAndEncodeTheBirthDate() {
        for (LocalDate d : new LocalDate[] {LocalDate.of(1950, 1, 1), LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 1),
                LocalDate.of(2024, 2, 29)}) {
            Insz insz = Insz.of(d, 123);
            assertThat(Insz.isValid(insz.digits())).isTrue();
            assertThat(insz.birthDate()).contains(d);
        }
    }

    @Test
    void bisNumberWithMonthPlus40IsValid() {
        long first9 = 854730033L; // month 07 + 40
        String bis = String.format("%09d%02d", first9, 97 - (first9 % 97));
        assertThat(Insz.parse(bis)).isPresent();
        assertThat(Insz.parse(bis).get().birthDate()).contains(LocalDate.of(1985, 7, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"85073003329", "8507300332", "850730033281", "85.07.30-033.2X", "", "abcdefghijk", "85133003300"})
    void refusesWrongCheckDigitsLengthOrCharacters(String text) {
        assertThat(Insz.parse(text)).isEmpty();
    }

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** Nine digits with the check digits of someone born before 2000 or from 2000 on. */
    static String number(String first9, boolean from2000) {
        long n = Long.parseLong(first9) + (from2000 ? 2_000_000_000L : 0);
        return first9 + String.format("%02d", 97 - (n % 97));
    }

    @ParameterizedTest(name = "{0} from 2000: {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "850230033, false", // 30 February 1985
            "850229033, false", // 29 February in a common year
            "850431033, false", // 31 April
            "854230033, false", // BIS number (month + 40) for 30 February
            "852231033, false", // BIS number (month + 20) for 31 February
            "270105101, true", // 5 January 2027: after today
            "261124101, true", // tomorrow
            "261200101, true", // December 2026, day unknown: still in the future
            "270000101, true", // only the year known, and it is 2027
            "851300033, false", // month 13
            "853300033, false", // month 33 is neither a national nor a BIS month
            "855300033, false"}) // month 53
    void refusesImpossibleAndFutureBirthDates(String first9, boolean from2000) {
        assertThat(Insz.parse(number(first9, from2000), TODAY)).isEmpty();
    }

    @ParameterizedTest(name = "{0} from 2000: {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "840229033, false", // 29 February of a leap year
            "000229033, true", // 29 February 2000, a leap year
            "261123101, true", // born today
            "261100101, true", // this month, day unknown
            "850700033, false", // day unknown
            "850015033, false", // month unknown, day known
            "850000033, false", // only the year known
            "852000033, false", // BIS number, sex unknown (month + 20), date unknown
            "854000033, false", // BIS number, sex known (month + 40), date unknown
            "844229033, false", // BIS number (month + 40) for 29 February 1984
            "082212101, true"}) // BIS number (month + 20) for 12 February 2008
    void acceptsRealDatesAndTheUnknownPartsTheLawAllows(String first9, boolean from2000) {
        assertThat(Insz.parse(number(first9, from2000), TODAY)).isPresent();
    }

    @Test
    void theNumberOfSomeoneBornLaterThisCenturyIsRefusedUntilThatDayCame() {
        String number = number("261124101", true);
        assertThat(Insz.parse(number, TODAY)).isEmpty();
        assertThat(Insz.parse(number, TODAY.plusDays(1))).get().extracting(Insz::birthDate)
                .isEqualTo(java.util.Optional.of(TODAY.plusDays(1)));
    }
}

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
}

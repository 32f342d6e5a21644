package be.loket.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TimesTests {
    static final Locale NL = Locale.forLanguageTag("nl");

    @Test
    void summerTimeIsTwoHoursAheadOfUtc() {
        OffsetDateTime utc = OffsetDateTime.parse("2026-07-01T10:15:00Z");
        assertThat(Times.local(utc)).isEqualTo(LocalDateTime.parse("2026-07-01T12:15"));
        assertThat(Times.format(utc, "dd/MM/yyyy HH:mm", NL)).isEqualTo("01/07/2026 12:15");
    }

    @Test
    void winterTimeIsOneHourAheadOfUtc() {
        OffsetDateTime utc = OffsetDateTime.parse("2026-01-15T10:15:00Z");
        assertThat(Times.local(utc)).isEqualTo(LocalDateTime.parse("2026-01-15T11:15"));
        assertThat(Times.format(utc, "HH:mm", NL)).isEqualTo("11:15");
    }

    @Test
    void theDayFollowsBrusselsAroundMidnight() {
        OffsetDateTime utc = OffsetDateTime.parse("2026-06-30T22:30:00Z");
        assertThat(Times.date(utc)).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(Times.format(utc, "dd/MM/yyyy", NL)).isEqualTo("01/07/2026");
        assertThat(Times.format(utc, "d MMMM yyyy", Locale.forLanguageTag("fr"))).isEqualTo("1 juillet 2026");
    }

    @Test
    void momentsInAnyOffsetOrAsInstantGiveTheSameLocalTime() {
        String expected = "01/07/2026 12:15";
        assertThat(Times.format(OffsetDateTime.parse("2026-07-01T12:15:00+02:00"), "dd/MM/yyyy HH:mm", NL)).isEqualTo(expected);
        assertThat(Times.format(ZonedDateTime.parse("2026-07-01T06:15:00-04:00[America/New_York]"), "dd/MM/yyyy HH:mm", NL))
                .isEqualTo(expected);
        assertThat(Times.format(Instant.parse("2026-07-01T10:15:00Z"), "dd/MM/yyyy HH:mm", NL)).isEqualTo(expected);
    }

    @Test
    void localDatesAndTimesPassThroughUnchanged() {
        assertThat(Times.format(LocalDate.parse("2026-07-01"), "dd/MM/yyyy", NL)).isEqualTo("01/07/2026");
        assertThat(Times.format(LocalDate.parse("2026-12-31"), "EEEE d MMMM yyyy", NL)).isEqualTo("donderdag 31 december 2026");
        assertThat(Times.format(LocalDateTime.parse("2026-01-15T10:15"), "HH:mm", NL)).isEqualTo("10:15");
    }

    @Test
    void nullStaysNullAndOtherTypesAreRefused() {
        assertThat(Times.format(null, "dd/MM/yyyy", NL)).isNull();
        assertThat(Times.local(null)).isNull();
        assertThat(Times.date(null)).isNull();
        assertThatThrownBy(() -> Times.format("2026-07-01", "dd/MM/yyyy", NL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theClockRunsInTheSameZone() {
        assertThat(new TimeConfig().clock().getZone()).isEqualTo(Times.ZONE);
        assertThat(Jobs.ZONE).isEqualTo(Times.ZONE);
    }

    /** #temporals would show PostgreSQL's UTC: every template formats through #times. */
    @Test
    void noTemplateFormatsWithTemporals() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> offenders = files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.readString(f).contains("#temporals");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
            assertThat(offenders).isEmpty();
        }
    }
}

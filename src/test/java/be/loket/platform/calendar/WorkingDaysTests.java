package be.loket.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDaysTests {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void easterFollowsTheKnownDates() {
        assertThat(BelgianHolidays.easterSunday(2024)).isEqualTo(d("2024-03-31"));
        assertThat(BelgianHolidays.easterSunday(2025)).isEqualTo(d("2025-04-20"));
        assertThat(BelgianHolidays.easterSunday(2026)).isEqualTo(d("2026-04-05"));
        assertThat(BelgianHolidays.easterSunday(2027)).isEqualTo(d("2027-03-28"));
        assertThat(BelgianHolidays.easterSunday(2038)).isEqualTo(d("2038-04-25"));
    }

    @Test
    void theTenBelgianHolidaysOf2026() {
        assertThat(BelgianHolidays.of(2026)).containsExactly(d("2026-01-01"), d("2026-04-06"), d("2026-05-01"),
                d("2026-05-14"), d("2026-05-25"), d("2026-07-21"), d("2026-08-15"), d("2026-11-01"), d("2026-11-11"),
                d("2026-12-25"));
    }

    @Test
    void questionOnThursdayBeforeWhitMondayIsDueOnTuesday() {
        // Thursday 21 May 2026 + 2 working days: Friday 22, then Saturday, Sunday and Whit Monday are closed.
        assertThat(WorkingDays.add(d("2026-05-21"), 2, day -> true)).isEqualTo(d("2026-05-26"));
    }

    @Test
    void ascensionAndEasterMondayAreSkipped() {
        // Wednesday 13 May 2026: Ascension Thursday 14 is closed.
        assertThat(WorkingDays.add(d("2026-05-13"), 2, day -> true)).isEqualTo(d("2026-05-18"));
        // Friday 3 April 2026: weekend, then Easter Monday 6 April.
        assertThat(WorkingDays.add(d("2026-04-03"), 2, day -> true)).isEqualTo(d("2026-04-08"));
    }

    @Test
    void anOrdinaryWeekCountsEveryWeekday() {
        assertThat(WorkingDays.add(d("2026-03-02"), 2, day -> true)).isEqualTo(d("2026-03-04"));
        assertThat(WorkingDays.add(d("2026-03-05"), 2, day -> true)).isEqualTo(d("2026-03-09"));
        assertThat(WorkingDays.add(d("2026-03-07"), 0, day -> true)).isEqualTo(d("2026-03-07"));
    }

    @Test
    void tenantClosingDaysAreSkippedToo() {
        // Between Christmas and New Year closed locally (and 4 January): a question on Thursday 24 December 2026
        // counts Tuesday 5 January as its first working day and is due Wednesday 6 January 2027.
        Set<LocalDate> closed = Set.of(d("2026-12-28"), d("2026-12-29"), d("2026-12-30"), d("2026-12-31"), d("2027-01-04"));
        assertThat(WorkingDays.add(d("2026-12-24"), 2, day -> !closed.contains(day))).isEqualTo(d("2027-01-06"));
        // 11 July 2025 (Friday, Flemish holiday) closed in one municipality only.
        assertThat(WorkingDays.add(d("2025-07-10"), 1, day -> !day.equals(d("2025-07-11")))).isEqualTo(d("2025-07-14"));
        assertThat(WorkingDays.add(d("2025-07-10"), 1, day -> true)).isEqualTo(d("2025-07-11"));
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatThrownBy(() -> WorkingDays.add(d("2026-03-02"), -1, day -> true)).isInstanceOf(IllegalArgumentException.class);
    }
}

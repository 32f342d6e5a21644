package be.loket.platform.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ten legal public holidays of Belgium. The three movable ones (Easter Monday, Ascension Day,
 * Whit Monday) follow Easter, computed per year, so no table needs yearly maintenance.
 */
public final class BelgianHolidays {
    private BelgianHolidays() {
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    public static Set<LocalDate> of(int year) {
        LocalDate easter = easterSunday(year);
        Set<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, Month.JANUARY, 1));
        days.add(easter.plusDays(1));   // Easter Monday
        days.add(LocalDate.of(year, Month.MAY, 1));
        days.add(easter.plusDays(39));  // Ascension Day
        days.add(easter.plusDays(50));  // Whit Monday
        days.add(LocalDate.of(year, Month.JULY, 21));
        days.add(LocalDate.of(year, Month.AUGUST, 15));
        days.add(LocalDate.of(year, Month.NOVEMBER, 1));
        days.add(LocalDate.of(year, Month.NOVEMBER, 11));
        days.add(LocalDate.of(year, Month.DECEMBER, 25));
        return days;
    }

    public static boolean isHoliday(LocalDate day) {
        return of(day.getYear()).contains(day);
    }
}

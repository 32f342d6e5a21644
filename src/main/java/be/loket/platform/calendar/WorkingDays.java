package be.loket.platform.calendar;

import be.loket.platform.CurrentActor;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working-day calendar of a municipality: weekends and Belgian public holidays are closed
 * everywhere; each tenant adds its own closing days (e.g. 11 July, the days between Christmas and
 * New Year) in {@code closing_day}.
 */
@Service
@Transactional(readOnly = true)
public class WorkingDays {
    /** Far enough to bridge any realistic run of closing days, and a guard against a misconfigured year. */
    private static final int MAX_SCAN_DAYS = 366;

    public record ClosingDay(LocalDate day, String label) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    WorkingDays(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The day {@code days} working days after {@code from} in the acting user's municipality. */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        return addWorkingDays(CurrentActor.get().tenantId(), from, days);
    }

    public LocalDate addWorkingDays(UUID tenantId, LocalDate from, int days) {
        Set<LocalDate> closed = closingDays(tenantId, from, from.plusDays(MAX_SCAN_DAYS)).stream()
                .map(ClosingDay::day).collect(Collectors.toSet());
        return add(from, days, d -> !closed.contains(d));
    }

    public boolean isWorkingDay(UUID tenantId, LocalDate day) {
        return isOpenEverywhere(day) && closingDays(tenantId, day, day).isEmpty();
    }

    public List<ClosingDay> closingDays(UUID tenantId, LocalDate from, LocalDate to) {
        return jdbc.sql("select closed_on, label from closing_day where tenant_id = ? and closed_on between ? and ? order by closed_on")
                .params(tenantId, from, to)
                .query((rs, row) -> new ClosingDay(rs.getObject("closed_on", LocalDate.class), rs.getString("label"))).list();
    }

    /**
     * Adds a tenant-specific closing day; saving the same day again changes its label. A new day is
     * announced ({@link ClosingDaysChanged}) so that stored due dates follow (ADR 0200).
     */
    @Transactional
    public void addClosingDay(UUID tenantId, LocalDate day, String label) {
        int changed = jdbc.sql("update closing_day set label = ? where tenant_id = ? and closed_on = ?").params(label, tenantId, day).update();
        if (changed == 0) {
            jdbc.sql("insert into closing_day (tenant_id, closed_on, label) values (?, ?, ?)").params(tenantId, day, label).update();
            events.publishEvent(new ClosingDaysChanged(tenantId, day));
        }
    }

    @Transactional
    public boolean removeClosingDay(UUID tenantId, LocalDate day) {
        boolean removed = jdbc.sql("delete from closing_day where tenant_id = ? and closed_on = ?").params(tenantId, day).update() > 0;
        if (removed) {
            events.publishEvent(new ClosingDaysChanged(tenantId, day));
        }
        return removed;
    }

    /** Whether the day is closed anyway (weekend or public holiday), so a closing day would change nothing. */
    public static boolean closedEverywhere(LocalDate day) {
        return !isOpenEverywhere(day);
    }

    static boolean isOpenEverywhere(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !BelgianHolidays.isHoliday(day);
    }

    /** Pure calculation: counts only days open everywhere and accepted by {@code tenantOpen}. */
    static LocalDate add(LocalDate from, int days, Predicate<LocalDate> tenantOpen) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate d = from;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (isOpenEverywhere(d) && tenantOpen.test(d)) {
                counted++;
            }
            if (d.isAfter(from.plusDays(MAX_SCAN_DAYS))) {
                throw new IllegalStateException("No working day within a year after " + from);
            }
        }
        return d;
    }
}

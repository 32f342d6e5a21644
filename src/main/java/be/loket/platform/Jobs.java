package be.loket.platform;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneId;

/**
 * Loket's cluster-safe recurring jobs, on db-scheduler (ADR 0009). A module declares its job as a bean
 * returned by {@link #cron}; db-scheduler keeps one row per job in {@code scheduled_tasks} and lets
 * exactly one instance pick each run, so jobs need no claim tables of their own.
 */
public final class Jobs {
    /** Schedules follow the municipality's clock, not the server's. */
    public static final ZoneId ZONE = Times.ZONE;

    private Jobs() {
    }

    /** A job run by cron expression (Spring's six fields, e.g. {@code 0 30 6 * * *}), or {@code -} to switch it off. */
    public static RecurringTask<Void> cron(String name, String cron, Runnable work) {
        return Tasks.recurring(name, Schedules.cron(cron, ZONE)).execute((instance, context) -> work.run());
    }
}

package be.loket.campaigns.internal;

import java.time.LocalTime;

/** Part of the day of an attempt: before noon, until five, or later (seed 001: evening visits reach working people). */
public enum TimeSlot {
    MORNING, AFTERNOON, EVENING;

    public static TimeSlot of(LocalTime time) {
        if (time.isBefore(LocalTime.NOON)) {
            return MORNING;
        }
        return time.isBefore(LocalTime.of(17, 0)) ? AFTERNOON : EVENING;
    }
}

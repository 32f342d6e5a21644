package be.loket.applications;

import java.time.OffsetDateTime;
import java.util.List;

/** The follow-up of a running grant: the months whose proof arrived and the reminders that went out. */
public record GrantFollowUp(List<String> monthsWithProof, List<Reminder> reminders) {

    public record Reminder(ReminderDue.Kind kind, String period, String channel, OffsetDateTime sentAt) {
    }
}

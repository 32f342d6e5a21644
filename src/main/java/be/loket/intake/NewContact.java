package be.loket.intake;

import java.util.List;
import java.util.UUID;

/**
 * A contact as staff enter it, from a form or the API. Choices arrive as text so that {@link Contacts}
 * validates both channels in one place with the same specific messages. {@code occurredAt} is empty
 * for "now", or an ISO date-time for a contact registered afterwards (at most 90 days back).
 */
public record NewContact(UUID siteId, String channel, UUID personId, List<String> themes, String question, String outcome,
        String referredTo, Integer minutesSpent, String occurredAt) {
}

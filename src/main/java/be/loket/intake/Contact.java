package be.loket.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A registered contact. {@code personName} is empty for an anonymous information question. */
public record Contact(UUID id, UUID siteId, Channel channel, UUID personId, String personName, List<Theme> themes,
        String question, Outcome outcome, String referredTo, Integer minutesSpent, OffsetDateTime occurredAt,
        String registeredBy, LocalDate dueOn, OffsetDateTime handledAt, String handledBy, UUID dossierId, long version) {

    public boolean open() {
        return handledAt == null;
    }

    public boolean overdue(LocalDate today) {
        return open() && dueOn.isBefore(today);
    }
}

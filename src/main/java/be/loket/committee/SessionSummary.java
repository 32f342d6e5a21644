package be.loket.committee;

import java.time.LocalDate;
import java.util.UUID;

/** A session in the list: when, who, how many items and how many decided. */
public record SessionSummary(UUID id, LocalDate heldOn, String members, SessionStatus status, int items, int decided) {
}

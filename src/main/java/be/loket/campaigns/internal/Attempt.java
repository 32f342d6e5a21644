package be.loket.campaigns.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One logged contact attempt. */
public record Attempt(UUID id, UUID memberId, ContactMethod method, LocalDate on, LocalTime at, TimeSlot slot, Outcome outcome,
        Integer durationMinutes, String note, boolean inDossier, OffsetDateTime createdAt, String createdBy) {
}

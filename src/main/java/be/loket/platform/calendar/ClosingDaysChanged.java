package be.loket.platform.calendar;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A municipality added or removed a closing day. Published inside the change's transaction, so that
 * modules that store dates computed from the calendar (intake's due dates) follow in the same commit.
 */
public record ClosingDaysChanged(UUID tenantId, LocalDate day) {
}

package be.loket.applications;

import be.loket.eligibility.LocalizedText;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The deadline of a proofs request ({@link ProofsRequested}, identified by the application and its
 * {@code version}) passed with proofs still missing: the letters module reminds the citizen once, on
 * {@code channel}, to send {@code missing} by the new, short {@code deadline} (ADR 0512).
 */
public record ProofsReminderDue(UUID tenantId, UUID applicationId, long version, UUID personId, String rightId,
        List<LocalizedText> missing, LocalDate deadline, String channel) {
}

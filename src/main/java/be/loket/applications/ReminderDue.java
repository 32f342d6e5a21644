package be.loket.applications;

import java.util.UUID;

/**
 * A reminder to send to a citizen on their preferred channel: a missing monthly proof (period
 * {@code 2027-02}) or the renewal of a grant that ends this year (period {@code 2027}). Published once
 * per grant, kind and period; the letters module sends it.
 */
public record ReminderDue(UUID tenantId, UUID grantId, UUID applicationId, UUID personId, String rightId, Kind kind,
        String period, String channel) {

    public enum Kind { MONTHLY_PROOF, RENEWAL }
}

package be.loket.campaigns.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One person on a campaign's contact list, with how far the contact got. */
public record Member(UUID id, UUID campaignId, UUID entryId, UUID personId, String personName, UUID dossierId, ContactMethod method,
        Integer variant, String variantName, String sentChannel, OffsetDateTime sentAt, int attempts, Outcome lastOutcome) {

    /** A phone call or home visit that still has to be done (or tried again). */
    public boolean taskOpen() {
        return method.isTask() && (lastOutcome == null || !lastOutcome.closesTask());
    }
}

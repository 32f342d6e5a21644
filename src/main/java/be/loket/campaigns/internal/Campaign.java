package be.loket.campaigns.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A campaign as stored, with the intermediary's name and contact when one was chosen. */
public record Campaign(UUID id, String name, String worklistKey, String worklistName, UUID intermediaryId, String intermediaryName,
        boolean closedEnvelope, List<String> variants, long variantSeed, OffsetDateTime createdAt, String createdBy, int people) {
}

package be.loket.outreach;

import java.util.List;
import java.util.UUID;

/**
 * Published when rows of a partner list were linked to citizens and their facts recorded (at import or
 * after review): the rights engine re-evaluates these people's households.
 */
public record PartnerFactsRecorded(UUID tenantId, UUID importId, ListType listType, List<UUID> personIds) {
}

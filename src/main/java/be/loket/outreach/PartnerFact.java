package be.loket.outreach;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One value a partner list gave about a citizen or their household, with its source: the import (list),
 * the partner and list type, and the date it was valid on. Values are text: "true"/"false", amounts as
 * "1234.56", whole numbers as digits.
 */
public record PartnerFact(String name, String value, UUID personId, UUID householdId, UUID partnerId, ListType listType,
        UUID importId, LocalDate validOn, OffsetDateTime recordedAt) {

    public boolean asBoolean() {
        return Boolean.parseBoolean(value);
    }

    public java.math.BigDecimal asAmount() {
        return new java.math.BigDecimal(value);
    }
}

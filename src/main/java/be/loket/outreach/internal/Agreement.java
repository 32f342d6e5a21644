package be.loket.outreach.internal;

import be.loket.outreach.ListType;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A data-sharing agreement: which partner may send which lists and fields, why, on what basis, kept how long. */
public record Agreement(UUID id, UUID partnerId, String partnerName, String purpose, LegalBasis legalBasis,
        String legalBasisDetail, Set<ListType> listTypes, Set<ListField> fields, int retentionDays, LocalDate validFrom,
        LocalDate validTo) {

    public enum LegalBasis { CONSENT, LEGAL_OBLIGATION, PUBLIC_TASK }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}

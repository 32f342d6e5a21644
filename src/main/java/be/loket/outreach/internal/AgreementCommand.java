package be.loket.outreach.internal;

import java.util.List;
import java.util.UUID;

/** What a team lead enters to record an agreement, as text, validated in {@link Agreements}. */
public record AgreementCommand(UUID partnerId, String purpose, String legalBasis, String legalBasisDetail,
        List<String> listTypes, List<String> fields, String retentionDays, String validFrom, String validTo) {
}

package be.loket.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * A right, premium or service as the catalogue shows it: texts in three languages, who delivers it,
 * how to apply, the proofs to bring, duties after granting, grant period, renewal and legal
 * reference, and the validity periods of its rule versions.
 */
public record Right(String id, Kind kind, Level level, List<String> tenants, LocalizedText name,
        LocalizedText description, LocalizedText organisation, LocalizedText howToApply, List<LocalizedText> proofs,
        List<LocalizedText> duties, LocalizedText grantPeriod, LocalizedText renewal, String reference, String note,
        LocalizedText keywords, List<Period> versions) {

    /** A right decides eligibility; a service is offered when its conditions (often assessments) fit. */
    public enum Kind { RIGHT, SERVICE }

    public record Period(String id, LocalDate from, LocalDate until) {
    }

    /** Whether users of the given municipality see this right: all rights above the municipal level, and their own. */
    public boolean visibleTo(String tenantCode) {
        return level != Level.MUNICIPAL || tenants.contains(tenantCode);
    }
}

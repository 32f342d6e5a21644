package be.loket.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * A right, premium or service as the catalogue shows it: texts in three languages, who delivers it,
 * how to apply, the proofs to bring, duties after granting, grant period, renewal and legal
 * reference, the validity periods of its rule versions, and whether its regulation allows automatic
 * granting ({@code automaticGranting: true} in the rule file; a staff member still confirms).
 */
public record Right(String id, Kind kind, Level level, List<String> tenants, LocalizedText name,
        LocalizedText description, LocalizedText organisation, LocalizedText howToApply, List<LocalizedText> proofs,
        List<LocalizedText> duties, LocalizedText grantPeriod, LocalizedText renewal, String reference, String note,
        LocalizedText keywords, List<Period> versions, boolean automaticGranting) {

    /** Without the automatic-granting flag (rule files that do not set it): kept so existing callers compile. */
    public Right(String id, Kind kind, Level level, List<String> tenants, LocalizedText name, LocalizedText description,
            LocalizedText organisation, LocalizedText howToApply, List<LocalizedText> proofs, List<LocalizedText> duties,
            LocalizedText grantPeriod, LocalizedText renewal, String reference, String note, LocalizedText keywords,
            List<Period> versions) {
        this(id, kind, level, tenants, name, description, organisation, howToApply, proofs, duties, grantPeriod, renewal, reference,
                note, keywords, versions, false);
    }

    /** A right decides eligibility; a service is offered when its conditions (often assessments) fit. */
    public enum Kind { RIGHT, SERVICE }

    public record Period(String id, LocalDate from, LocalDate until) {
    }

    /** Whether users of the given municipality see this right: federal and Flemish ones, and those naming it. */
    public boolean visibleTo(String tenantCode) {
        // Federal and Flemish rights apply everywhere; provincial and municipal ones to the municipalities named.
        return tenants.isEmpty() && level != Level.MUNICIPAL && level != Level.PROVINCIAL || tenants.contains(tenantCode);
    }
}

package be.loket.outreach;

import be.loket.outreach.internal.AgreementCommand;
import be.loket.outreach.internal.Agreements;
import be.loket.outreach.internal.ImportingPartnerList;
import be.loket.outreach.internal.ListField;
import be.loket.outreach.internal.RightsWorklists;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Recording an agreement and importing a partner list in one call, without the pages: for loading demo
 * data and for scripts. The same services, checks and audit as the pages; the import is all or nothing
 * and the rights engine evaluates the linked households before it returns.
 */
@Service
public class PartnerLists {
    private final Agreements agreements;
    private final ImportingPartnerList importing;
    private final RightsWorklists rights;

    PartnerLists(Agreements agreements, ImportingPartnerList importing, RightsWorklists rights) {
        this.agreements = agreements;
        this.importing = importing;
        this.rights = rights;
    }

    /** Records an agreement with the partner for these list types, every field allowed; returns its id. */
    public UUID recordAgreement(UUID partnerId, String purpose, String legalBasis, String legalBasisDetail, List<ListType> types,
            int retentionDays, String validFrom) {
        return agreements.record(new AgreementCommand(partnerId, purpose, legalBasis, legalBasisDetail,
                types.stream().map(Enum::name).toList(), Arrays.stream(ListField.values()).map(Enum::name).toList(),
                String.valueOf(retentionDays), validFrom, null));
    }

    /** Imports a whole file under the agreement (refused with every problem if a row is broken) and evaluates the rights. */
    public UUID importList(UUID agreementId, ListType type, String fileName, byte[] content) {
        UUID upload = importing.upload(agreementId, type.name(), fileName, content);
        UUID importId = importing.importUpload(upload, null, ImportingPartnerList.Mode.ALL);
        rights.evaluate(importing.linkedPersons(importId), done -> {
        });
        return importId;
    }
}

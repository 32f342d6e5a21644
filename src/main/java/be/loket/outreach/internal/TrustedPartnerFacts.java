package be.loket.outreach.internal;

import be.loket.applications.TrustedFacts;
import be.loket.outreach.PartnerFact;
import be.loket.outreach.PartnerFacts;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Partner-list facts are trusted facts: they come from a partner under a recorded data-sharing agreement. */
@Component
class TrustedPartnerFacts implements TrustedFacts {
    private final PartnerFacts partnerFacts;

    TrustedPartnerFacts(PartnerFacts partnerFacts) {
        this.partnerFacts = partnerFacts;
    }

    @Override
    public List<UUID> personsWithFactsSince(LocalDate day) {
        return partnerFacts.personsWithFactsSince(day);
    }

    @Override
    public Map<String, String> latestSince(UUID personId, LocalDate day) {
        Map<String, String> trusted = new TreeMap<>();
        for (PartnerFact f : partnerFacts.latestFor(personId).values()) {
            if (!f.validOn().isBefore(day)) {
                trusted.put(f.name(), f.value());
            }
        }
        return trusted;
    }
}

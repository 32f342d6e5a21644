package be.loket.applications;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Facts about citizens from sources a grant may rest on without the citizen applying (partner lists under
 * an agreement, authentic sources). Implemented by the modules that hold them (outreach), so applications
 * depends on none of them and they may still ask applications who already holds a grant.
 */
public interface TrustedFacts {

    /** Citizens of the current tenant who got such facts on or after the day. */
    List<UUID> personsWithFactsSince(LocalDate day);

    /** The latest value of each fact about the citizen that was valid on or after the day. */
    Map<String, String> latestSince(UUID personId, LocalDate day);
}

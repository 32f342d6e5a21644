package be.loket.outreach;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One person on a worklist. {@code kind} is ELIGIBLE or POSSIBLY on a right's worklist, CONTACT on a
 * contact list (rent arrears); the plain-language conditions already met and still to check come from the
 * rights engine; amount and months are the arrears on a contact list.
 */
public record WorklistEntry(UUID id, String listKey, UUID personId, String personName, UUID dossierId, Kind kind,
        List<String> alreadyMeets, List<String> stillToCheck, BigDecimal amount, Integer months, Status status) {

    public enum Kind { ELIGIBLE, POSSIBLY, CONTACT }

    public enum Status { OPEN, CONTACTED, CLOSED }
}

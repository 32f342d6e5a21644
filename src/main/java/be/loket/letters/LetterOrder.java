package be.loket.letters;

import java.util.Map;
import java.util.UUID;

/**
 * A letter to send to a citizen: the template, the placeholder values (name and address come from the
 * citizen's record), the short text for an SMS (with the portal link; without it SMS is not used),
 * whether it must go in a closed envelope, and an optional {@code reference} that makes sending
 * idempotent: a second order with the same reference in the same municipality sends nothing and
 * returns the first letter (e.g. {@code decision:<id>} when an event is delivered again). The
 * letterhead defaults to the municipality's logo when it has one.
 */
public record LetterOrder(UUID personId, String code, Map<String, String> values, String shortText, boolean closedEnvelope,
        String reference, Letterhead letterhead) {

    public LetterOrder {
        letterhead = Letterhead.orDefault(letterhead);
    }

    public LetterOrder(UUID personId, String code, Map<String, String> values, String shortText, boolean closedEnvelope,
            String reference) {
        this(personId, code, values, shortText, closedEnvelope, reference, Letterhead.LOGO);
    }

    /** An order without a reference: every call sends a letter. */
    public LetterOrder(UUID personId, String code, Map<String, String> values, String shortText, boolean closedEnvelope) {
        this(personId, code, values, shortText, closedEnvelope, null);
    }
}

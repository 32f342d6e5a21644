package be.loket.letters;

import java.util.Map;
import java.util.UUID;

/**
 * A letter to send to a citizen: the template, the placeholder values (name and address come from the
 * citizen's record), the short text for an SMS (with the portal link; without it SMS is not used) and
 * whether it must go in a closed envelope.
 */
public record LetterOrder(UUID personId, String code, Map<String, String> values, String shortText, boolean closedEnvelope) {
}

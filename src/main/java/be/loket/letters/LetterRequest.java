package be.loket.letters;

import java.util.List;
import java.util.Map;

/**
 * One letter to render: which template in which language, the placeholder values, the addressee as
 * printed in the window of the envelope, and whether it must go in a closed envelope marked personal.
 */
public record LetterRequest(String code, String language, Map<String, String> values, String recipientName,
        List<String> recipientAddress, boolean closedEnvelope) {
}

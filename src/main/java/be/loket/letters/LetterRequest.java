package be.loket.letters;

import java.util.List;
import java.util.Map;

/**
 * One letter to render: which template in which language, the placeholder values, the addressee as
 * printed in the window of the envelope, whether it must go in a closed envelope marked personal, and the
 * letterhead (null: with the municipality's logo when it has one).
 */
public record LetterRequest(String code, String language, Map<String, String> values, String recipientName,
        List<String> recipientAddress, boolean closedEnvelope, Letterhead letterhead) {

    public LetterRequest {
        letterhead = Letterhead.orDefault(letterhead);
    }

    /** With the default letterhead (the logo when the municipality has one). */
    public LetterRequest(String code, String language, Map<String, String> values, String recipientName, List<String> recipientAddress,
            boolean closedEnvelope) {
        this(code, language, values, recipientName, recipientAddress, closedEnvelope, Letterhead.LOGO);
    }
}

package be.loket.letters;

import java.util.UUID;

/**
 * One way to reach a citizen: e-mail, SMS or printed post. The plug-in point is this small interface;
 * an implementation throws when the message did not go out, so that the caller can fall back to post.
 * The tenant is passed so that an implementation can use the municipality's own sender or account.
 */
public interface OutboundChannel {

    Channel channel();

    void send(UUID tenantId, Message message);

    /** The ways out. A citizen's preference (person.ContactChannel) maps onto these; anything else goes by post. */
    enum Channel { EMAIL, SMS, POST }

    /**
     * What to send: e-mail carries the text and the PDF, SMS only the short text (with a link to the
     * portal), post prints the PDF for the address, in a closed envelope when asked.
     */
    record Message(String recipientName, String email, String phone, java.util.List<String> address, String subject,
            String text, String shortText, byte[] pdf, boolean closedEnvelope) {
    }
}

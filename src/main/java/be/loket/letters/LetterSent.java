package be.loket.letters;

import be.loket.letters.OutboundChannel.Channel;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Published when a letter went out, so that the dossier can record it as a step. */
public record LetterSent(UUID tenantId, UUID letterId, UUID personId, String code, String subject, Channel channel,
        boolean fellBack, OffsetDateTime sentAt) {
}

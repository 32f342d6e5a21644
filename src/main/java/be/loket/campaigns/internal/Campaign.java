package be.loket.campaigns.internal;

import be.loket.letters.Letterhead;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A campaign as stored, with the intermediary's name and contact when one was chosen; {@code letterheads}
 * has one entry per variant, in the same order.
 */
public record Campaign(UUID id, String name, String worklistKey, String worklistName, UUID intermediaryId, String intermediaryName,
        boolean closedEnvelope, List<String> variants, List<Letterhead> letterheads, long variantSeed, OffsetDateTime createdAt,
        String createdBy, int people) {

    /** The letterhead of a member's variant; no variant: the default letterhead. */
    public Letterhead letterheadOf(Integer variant) {
        return variant == null || variant >= letterheads.size() ? Letterhead.LOGO : letterheads.get(variant);
    }

    /** The default for the variant at this position: the first with logo, the second without (seed 001's experiment), and so on. */
    public static Letterhead defaultLetterhead(int variant) {
        return variant % 2 == 0 ? Letterhead.LOGO : Letterhead.PLAIN;
    }
}

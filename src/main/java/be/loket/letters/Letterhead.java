package be.loket.letters;

/**
 * Which letterhead a letter gets: the municipality's logo above the sender (when the municipality has
 * uploaded one; otherwise it is the same as plain), or the plain letterhead with the sender's name only.
 */
public enum Letterhead {
    LOGO, PLAIN;

    /** Null means the default: with the logo. */
    public static Letterhead orDefault(Letterhead letterhead) {
        return letterhead == null ? LOGO : letterhead;
    }
}

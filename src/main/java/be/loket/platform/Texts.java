package be.loket.platform;

import java.text.Normalizer;
import java.util.Locale;

/** Text helpers shared by search and matching. */
public final class Texts {
    private Texts() {
    }

    /** Lower case, accents and punctuation removed, single spaces: "Öztürk-Çelik " becomes "ozturk celik". */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        // Plain ASCII (most names and every number) needs no Unicode decomposition, the costly part.
        String decomposed = s.chars().allMatch(c -> c < 0x80) ? s : Normalizer.normalize(s.strip(), Normalizer.Form.NFKD)
                .replace("ß", "ss").replace("ı", "i").replace("ø", "o").replace("Ø", "o")
                .replace("ł", "l").replace("Ł", "l").replace("æ", "ae").replace("Æ", "ae");
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append(Character.toLowerCase(c));
                space = false;
            } else {
                space = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    public static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}

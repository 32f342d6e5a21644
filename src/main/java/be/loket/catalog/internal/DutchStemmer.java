package be.loket.catalog.internal;

import java.util.Set;

/**
 * A deliberately small Dutch normaliser for catalogue search: plural and diminutive endings go, and
 * doubled vowels and final consonants are undoubled, so that "facturen" and "factuur" meet in
 * "factur", "schulden" and "schuld" in "schuld". Applied alike to the index and the query, so its
 * crudeness costs nothing as long as both sides agree. French and English words pass through nearly
 * unchanged (only a plural -s goes).
 */
public final class DutchStemmer {
    static final Set<String> STOP_WORDS = Set.of("de", "het", "een", "en", "of", "van", "voor", "in", "op", "met", "aan",
            "ik", "mijn", "u", "uw", "is", "te", "die", "dat", "le", "la", "les", "des", "du", "un", "une", "et", "ou",
            "pour", "mon", "ma", "mes", "the", "a", "an", "and", "or", "for", "to", "my", "your", "with");

    private DutchStemmer() {
    }

    public static boolean isStopWord(String folded) {
        return STOP_WORDS.contains(folded);
    }

    /** The stem of one folded word (lower case, no accents). */
    public static String stem(String w) {
        String s = w;
        if (s.length() > 5 && s.endsWith("tjes")) {
            s = s.substring(0, s.length() - 4);
        } else if (s.length() > 5 && (s.endsWith("tje") || s.endsWith("jes"))) {
            s = s.substring(0, s.length() - 3);
        } else if (s.length() > 4 && s.endsWith("en")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.length() > 3 && s.endsWith("s") && !s.endsWith("ss")) {
            s = s.substring(0, s.length() - 1);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i > 0 && c == s.charAt(i - 1) && (isVowel(c) || i == s.length() - 1)) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'o' || c == 'u';
    }
}

package be.loket.person.internal;

import be.loket.platform.Texts;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Trigrams of folded name words, padded like PostgreSQL's pg_trgm ("  o", " oz", "ozt", ...), so that a
 * word with one typo still shares most of its grams with the right name.
 */
public final class NameGrams {
    private NameGrams() {
    }

    public static Set<String> of(String text) {
        Set<String> grams = new LinkedHashSet<>();
        for (String word : Texts.fold(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                grams.add(padded.substring(i, i + 3));
            }
        }
        return grams;
    }
}

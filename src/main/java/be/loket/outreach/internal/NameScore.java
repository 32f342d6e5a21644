package be.loket.outreach.internal;

import be.loket.platform.Texts;
import java.util.Arrays;

/**
 * How alike two full names are, from 0 to 1: every word of the list's name is compared with the closest
 * word of the citizen's name (accents, case and hyphens ignored; typos cost in proportion to length).
 * Used when candidates come from a birth-date lookup rather than from a name search.
 */
final class NameScore {
    private NameScore() {
    }

    static double of(String listed, String registered) {
        String[] a = Texts.fold(listed).split(" ");
        String[] b = Texts.fold(registered).split(" ");
        if (a.length == 0 || b.length == 0 || a[0].isEmpty() || b[0].isEmpty()) {
            return 0;
        }
        double total = 0;
        for (String word : a) {
            total += Arrays.stream(b).mapToDouble(other -> similarity(word, other)).max().orElse(0);
        }
        // Words of the register missing from the list (a second first name) weigh a little.
        double coverage = Math.min(1.0, (double) a.length / b.length);
        return total / a.length * (0.9 + 0.1 * coverage);
    }

    static double similarity(String x, String y) {
        int max = Math.max(x.length(), y.length());
        return max == 0 ? 1 : 1.0 - (double) distance(x, y) / max;
    }

    /** Levenshtein distance. */
    static int distance(String x, String y) {
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }
}

package be.loket.person.internal;

import be.loket.platform.Texts;

/**
 * Scores how well typed words match a name: every typed word must match some name word exactly, as a
 * prefix, or within a small number of edits (one for short words, two for longer ones).
 */
public final class NameSimilarity {
    private NameSimilarity() {
    }

    /** 0 when some typed word matches no name word; otherwise the mean word similarity in (0, 1]. */
    public static double score(String typed, String name) {
        String[] queryWords = Texts.fold(typed).split(" ");
        String[] nameWords = Texts.fold(name).split(" ");
        double total = 0;
        int count = 0;
        for (String q : queryWords) {
            if (q.isEmpty()) {
                continue;
            }
            double best = 0;
            for (String n : nameWords) {
                best = Math.max(best, wordScore(q, n));
            }
            if (best == 0) {
                return 0;
            }
            total += best;
            count++;
        }
        return count == 0 ? 0 : total / count;
    }

    static double wordScore(String q, String n) {
        if (q.equals(n)) {
            return 1.0;
        }
        if (q.length() >= 2 && n.startsWith(q)) {
            return 0.9;
        }
        int allowed = q.length() <= 3 ? 0 : q.length() <= 5 ? 1 : 2;
        if (allowed == 0) {
            return 0;
        }
        int d = distance(q, n, allowed);
        return d <= allowed ? 1.0 - (double) d / Math.max(q.length(), n.length()) : 0;
    }

    /** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), stopping early past max. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}

package be.loket.catalog;

import be.loket.catalog.internal.DutchStemmer;
import be.loket.eligibility.Eligibility;
import be.loket.eligibility.LocalizedText;
import be.loket.eligibility.Right;
import be.loket.platform.Texts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Searches the catalogue of the acting user's municipality. Every word of the question must be found
 * in a right's name, keywords or description (in any of the three languages), after Dutch
 * normalisation; compounds are split into known words, so "waterfactuur" finds the water rights and
 * "facturen" finds "energiefactuur". The index is rebuilt when the rules are reloaded.
 */
@Service
public class CatalogSearch {
    private final Eligibility eligibility;
    private volatile Index index;

    CatalogSearch(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    public record Hit(Right right, double score) {
    }

    public List<Hit> search(String query) {
        return searchIn(eligibility.currentTenantCode(), query);
    }

    public List<Hit> searchIn(String tenantCode, String query) {
        Index idx = index();
        List<String> words = words(query);
        List<Hit> hits = new ArrayList<>();
        if (words.isEmpty()) {
            return hits;
        }
        for (Entry e : idx.entries) {
            if (!e.right.visibleTo(tenantCode)) {
                continue;
            }
            double score = 0;
            boolean all = true;
            for (String w : words) {
                double s = idx.score(e, w);
                if (s == 0) {
                    all = false;
                    break;
                }
                score += s;
            }
            if (all) {
                hits.add(new Hit(e.right, score));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.right().id()));
        return hits;
    }

    private Index index() {
        Index current = index;
        int generation = eligibility.generation();
        if (current == null || current.generation != generation) {
            current = new Index(eligibility.allRights(), generation);
            index = current;
        }
        return current;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : Texts.fold(text).split(" ")) {
            if (!w.isEmpty() && !DutchStemmer.isStopWord(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private record Entry(Right right, Map<String, Double> terms) {
    }

    /** Term weights per right: name 3, keywords 2, description and organisation 1; compound parts count half. */
    private static final class Index {
        final int generation;
        final List<Entry> entries = new ArrayList<>();
        final Set<String> vocabulary = new HashSet<>();

        Index(List<Right> rights, int generation) {
            this.generation = generation;
            for (Right r : rights) {
                for (String w : words(all(r.name()) + " " + all(r.keywords()) + " " + all(r.description()) + " "
                        + all(r.organisation()))) {
                    vocabulary.add(DutchStemmer.stem(w));
                }
            }
            for (Right r : rights) {
                Map<String, Double> terms = new HashMap<>();
                add(terms, all(r.name()), 3);
                add(terms, all(r.keywords()), 2);
                add(terms, all(r.description()), 1);
                add(terms, all(r.organisation()), 1);
                entries.add(new Entry(r, terms));
            }
        }

        private static String all(LocalizedText t) {
            return t == null ? "" : t.nl() + " " + t.fr() + " " + t.en();
        }

        private void add(Map<String, Double> terms, String text, double weight) {
            for (String w : words(text)) {
                terms.merge(DutchStemmer.stem(w), weight, Math::max);
                for (String part : split(w)) {
                    terms.merge(part, weight / 2, Math::max);
                }
            }
        }

        /** The known words a compound consists of ("waterfactuur": water, factur), or none. */
        List<String> split(String w) {
            for (int i = 3; i <= w.length() - 3; i++) {
                String left = DutchStemmer.stem(w.substring(0, i));
                String rest = w.substring(i);
                if (!vocabulary.contains(left)) {
                    continue;
                }
                // A linking s between the parts, as in verwarmingstoelage.
                for (String right : rest.startsWith("s") && rest.length() > 3 ? List.of(rest, rest.substring(1)) : List.of(rest)) {
                    String stemmed = DutchStemmer.stem(right);
                    if (vocabulary.contains(stemmed)) {
                        return List.of(left, stemmed);
                    }
                    List<String> deeper = right.length() >= 6 ? split(right) : List.of();
                    if (!deeper.isEmpty()) {
                        List<String> out = new ArrayList<>(deeper);
                        out.add(0, left);
                        return out;
                    }
                }
            }
            return List.of();
        }

        double score(Entry e, String word) {
            String stem = DutchStemmer.stem(word);
            Double exact = e.terms.get(stem);
            if (exact != null) {
                return exact;
            }
            List<String> parts = split(word);
            if (!parts.isEmpty()) {
                double s = 0;
                for (String p : parts) {
                    s += e.terms.getOrDefault(p, 0.0);
                }
                if (s > 0) {
                    return s / parts.size();
                }
            }
            // Search as you type: a longer word that starts with what was typed.
            if (word.length() >= 4) {
                double best = 0;
                for (var t : e.terms.entrySet()) {
                    if (t.getKey().startsWith(stem)) {
                        best = Math.max(best, t.getValue() / 2);
                    }
                }
                return best;
            }
            return 0;
        }
    }
}

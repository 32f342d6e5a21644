package be.loket.letters.internal;

import be.loket.letters.ReadabilityWarning;
import be.loket.platform.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Warns the author of a letter about sentences longer than {@link #MAX_WORDS} words and about words
 * from the jargon list of the letter's language (shipped in {@code letters/jargon/<lang>.txt} as
 * "word | plain alternative"). Warnings never block saving: the author decides.
 */
public final class Readability {
    public static final int MAX_WORDS = 20;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*|\\{\\{[^}]*}}");

    private final Map<String, Map<String, String>> jargonByLanguage = new LinkedHashMap<>();

    public Readability(List<String> languages) {
        for (String lang : languages) {
            jargonByLanguage.put(lang, load(lang));
        }
    }

    public List<ReadabilityWarning> check(String part, String text, String language) {
        List<ReadabilityWarning> warnings = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return warnings;
        }
        for (String raw : SENTENCE_END.split(text.replace("**", ""))) {
            String sentence = raw.strip().replaceFirst("^(#|-|\\*)\\s+", "");
            var words = WORD.matcher(sentence).results().map(r -> r.group()).toList();
            if (words.size() > MAX_WORDS) {
                String start = String.join(" ", words.subList(0, 6)) + " …";
                warnings.add(new ReadabilityWarning(part, "letters.readability.longSentence", List.of(words.size(), MAX_WORDS, start)));
            }
        }
        String folded = " " + Texts.fold(text.replaceAll("\\{\\{[^}]*}}", " ")) + " ";
        jargonByLanguage.getOrDefault(language, Map.of()).forEach((term, plain) -> {
            if (folded.contains(" " + Texts.fold(term) + " ")) {
                warnings.add(new ReadabilityWarning(part, "letters.readability.jargon", List.of(term, plain)));
            }
        });
        return warnings;
    }

    private static Map<String, String> load(String lang) {
        Map<String, String> terms = new LinkedHashMap<>();
        try (InputStream in = Readability.class.getResourceAsStream("/letters/jargon/" + lang + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("Missing jargon list letters/jargon/" + lang + ".txt");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                int bar = line.indexOf('|');
                if (!line.isBlank() && !line.startsWith("#") && bar > 0) {
                    terms.put(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}

package be.loket.letters.internal;

import be.loket.platform.Validation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The placeholders a template may use, and the check that a template uses no other. */
public final class Placeholders {
    /** Filled in by the module that sends the letter; an author who needs another asks for it to be added here. */
    public static final List<String> KNOWN = List.of("firstName", "lastName", "today", "reference", "rightName", "amount",
            "periodStart", "periodEnd", "deadline", "decisionDate", "reason", "proofs", "workerName", "workerPhone",
            "workerEmail", "officeName", "officeAddress", "officeHours", "portalLink", "partnerName", "partnerPhone", "duties", "missing",
            "alreadyMeets", "stillToCheck");

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

    private Placeholders() {
    }

    /** The text with every placeholder replaced by {@code fill}'s answer for its name. */
    public static String fill(String text, Function<String, String> fill) {
        return PLACEHOLDER.matcher(text).replaceAll(r -> Matcher.quoteReplacement(String.valueOf(fill.apply(r.group(1)))));
    }

    /** Names used in a text, in order of first use. */
    public static Set<String> used(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Adds one violation per unknown placeholder (naming it) and one for braces that do not form a placeholder. */
    public static void check(Validation v, String field, String text) {
        if (text == null) {
            return;
        }
        for (String name : used(text)) {
            if (!KNOWN.contains(name)) {
                v.add(field, "letters.placeholder.unknown", "{{" + name + "}}", String.join(", ", KNOWN));
            }
        }
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        int at = Math.max(rest.indexOf("{{"), rest.indexOf("}}"));
        if (at >= 0 || rest.matches("(?s).*\\{[A-Za-z][A-Za-z0-9]*}.*")) {
            v.add(field, "letters.placeholder.malformed", "{{firstName}}");
        }
    }
}

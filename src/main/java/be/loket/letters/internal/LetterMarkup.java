package be.loket.letters.internal;

import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Turns the author's plain-text markup into a well-formed XHTML fragment for the PDF: "# " headings,
 * "- " lists, **bold**, paragraphs split by empty lines, line breaks kept. Everything is escaped, placeholder values
 * included, so a template or a citizen's name can never inject markup.
 */
public final class LetterMarkup {
    private LetterMarkup() {
    }

    /** {@code fill} gives the text for a placeholder name (already checked to be known). */
    public static String toXhtml(String text, Function<String, String> fill) {
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        boolean inList = false;
        for (String raw : expand(text.strip(), fill)) {
            String line = raw.strip();
            boolean item = line.startsWith("- ") || line.startsWith("* ");
            boolean heading = line.startsWith("# ");
            if (line.isEmpty() || item || heading) {
                flush(out, paragraph);
            }
            if (inList && !item) {
                out.append("</ul>\n");
                inList = false;
            }
            if (heading) {
                out.append("<h2>").append(inline(line.substring(2).strip(), fill)).append("</h2>\n");
            } else if (item) {
                if (!inList) {
                    out.append("<ul>\n");
                    inList = true;
                }
                Matcher only = Placeholders.PLACEHOLDER.matcher(line.substring(2).strip());
                if (only.matches()) {
                    // An item that is just a placeholder ("- {{stillToCheck}}") gives one item per line of its value.
                    for (String part : String.valueOf(fill.apply(only.group(1))).split("\\R")) {
                        if (!part.isBlank()) {
                            out.append("<li>").append(escape(part.strip())).append("</li>\n");
                        }
                    }
                } else {
                    out.append("<li>").append(inline(line.substring(2).strip(), fill)).append("</li>\n");
                }
            } else if (!line.isEmpty()) {
                // The author's line breaks stay (signatures, addresses); an empty line starts a new paragraph.
                paragraph.append(paragraph.isEmpty() ? "" : "<br/>").append(inline(line, fill));
            }
        }
        flush(out, paragraph);
        if (inList) {
            out.append("</ul>\n");
        }
        return out.toString();
    }

    /**
     * A placeholder alone on its line whose value has several lines (a list of proofs, a decider's reasons)
     * takes their place, so "- " items in the value become a list and empty lines new paragraphs; all
     * escaped like every other value.
     */
    private static java.util.List<String> expand(String text, Function<String, String> fill) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String raw : text.split("\\R")) {
            Matcher m = Placeholders.PLACEHOLDER.matcher(raw.strip());
            String value = m.matches() ? fill.apply(m.group(1)) : null;
            if (value != null && value.contains("\n")) {
                for (String v : value.split("\\R")) {
                    lines.add(v);
                }
            } else {
                lines.add(raw);
            }
        }
        return lines;
    }

    private static void flush(StringBuilder out, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            out.append("<p>").append(paragraph).append("</p>\n");
            paragraph.setLength(0);
        }
    }

    private static String inline(String line, Function<String, String> fill) {
        StringBuilder b = new StringBuilder();
        Matcher m = Placeholders.PLACEHOLDER.matcher(line);
        int last = 0;
        while (m.find()) {
            b.append(escape(line.substring(last, m.start())));
            b.append(escape(fill.apply(m.group(1))));
            last = m.end();
        }
        b.append(escape(line.substring(last)));
        // Bold after escaping: "**" has no special meaning in XML, so the pairs are still intact.
        String[] parts = b.toString().split("\\*\\*", -1);
        if (parts.length < 3) {
            return b.toString();
        }
        StringBuilder bold = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            boolean open = i % 2 == 1 && i < parts.length - 1;
            boolean close = i % 2 == 0;
            bold.append(open ? "<strong>" : close ? "</strong>" : "**").append(parts[i]);
        }
        return bold.toString();
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    // XML 1.0 forbids most control characters; a pasted one would break the whole PDF.
                    if (c >= 0x20 || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}

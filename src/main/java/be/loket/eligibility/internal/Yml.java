package be.loket.eligibility.internal;

import be.loket.eligibility.LocalizedText;
import be.loket.eligibility.RuleProblem;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one YAML file as a node tree (not as Java objects) so every value keeps its line number,
 * and reports each structural defect with file and line.
 */
final class Yml {
    static final List<String> LANGUAGES = List.of("nl", "fr", "en");

    final String file;
    final List<RuleProblem> problems;
    /** The file's lines, to quote the offending one where the parser gives no node. */
    private String[] lines = new String[0];

    Yml(String file, List<RuleProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    Node parse(String text) {
        this.lines = text.split("\\R", -1);
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            if (root == null) {
                problems.add(new RuleProblem(file, 1, "empty file"));
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            String quoted = line <= lines.length ? " in \"" + lines[line - 1].strip() + "\"" : "";
            problems.add(new RuleProblem(file, line, "YAML syntax error: " + e.getProblem() + quoted));
            return null;
        }
    }

    static int line(Node n) {
        return n == null ? 1 : n.getStartMark().getLine() + 1;
    }

    void error(Node at, String message) {
        problems.add(new RuleProblem(file, line(at), message));
    }

    /** The mapping's entries by key, or null (reported) when the node is not a mapping. */
    Map<String, Node> map(Node n, String what) {
        if (!(n instanceof MappingNode m)) {
            error(n, what + " must be a mapping");
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                if (out.put(k.getValue(), t.getValueNode()) != null) {
                    error(k, "duplicate key '" + k.getValue() + "'");
                }
            } else {
                error(t.getKeyNode(), "keys must be plain names in " + what);
            }
        }
        return out;
    }

    List<Node> list(Node n, String what) {
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof SequenceNode s)) {
            error(n, what + " must be a list");
            return List.of();
        }
        return s.getValue();
    }

    /** A scalar's text; null (reported when required) if absent or not a scalar. */
    String text(Map<String, Node> m, String key, Node owner, boolean required) {
        Node n = m.get(key);
        if (n == null) {
            if (required) {
                error(owner, "missing '" + key + "'");
            }
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            error(n, "'" + key + "' must be a single value");
            return null;
        }
        String v = s.getValue();
        if (required && (v == null || v.isBlank() || "null".equals(v) || "~".equals(v))) {
            error(n, "'" + key + "' must not be empty");
            return null;
        }
        return "null".equals(v) || "~".equals(v) ? null : v;
    }

    static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    LocalDate date(Map<String, Node> m, String key, Node owner, boolean required) {
        String v = text(m, key, owner, required);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            error(m.get(key), "'" + key + "' is not a date (yyyy-mm-dd): '" + v + "'");
            return null;
        }
    }

    /**
     * A text in nl, fr and en; each missing language is reported, naming where ({@code of}, e.g.
     * "condition 'income' of 'huurtoelage'") and quoting the languages present.
     */
    LocalizedText localized(Map<String, Node> m, String key, Node owner, boolean required, String of) {
        Node n = m.get(key);
        if (n == null) {
            if (required) {
                error(owner, "missing '" + key + "' of " + of);
            }
            return null;
        }
        return localized(n, "'" + key + "' of " + of);
    }

    LocalizedText localized(Node n, String what) {
        Map<String, Node> t = map(n, what);
        if (t == null) {
            return null;
        }
        String[] v = new String[3];
        List<String> present = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String s = scalar(t.get(LANGUAGES.get(i)));
            v[i] = s == null ? "" : s.strip();
            if (!v[i].isEmpty()) {
                present.add(LANGUAGES.get(i) + ": \"" + v[i] + "\"");
            }
        }
        for (int i = 0; i < 3; i++) {
            if (v[i].isEmpty()) {
                Node ln = t.get(LANGUAGES.get(i));
                error(ln == null ? n : ln, "missing translation '" + LANGUAGES.get(i) + "' of " + what
                        + (present.isEmpty() ? "" : " (" + String.join(", ", present) + ")"));
            }
        }
        for (String k : t.keySet()) {
            if (!LANGUAGES.contains(k)) {
                error(t.get(k), "unknown language '" + k + "' in " + what);
            }
        }
        return new LocalizedText(v[0], v[1], v[2]);
    }

    List<LocalizedText> localizedList(Map<String, Node> m, String key, String of) {
        List<LocalizedText> out = new ArrayList<>();
        List<Node> entries = list(m.get(key), "'" + key + "'");
        for (int i = 0; i < entries.size(); i++) {
            LocalizedText t = localized(entries.get(i), "entry " + (i + 1) + " of '" + key + "' of " + of);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    void onlyKeys(Map<String, Node> m, List<String> allowed, String what) {
        for (var e : m.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                error(e.getValue(), "unknown key '" + e.getKey() + "' in " + what);
            }
        }
    }
}

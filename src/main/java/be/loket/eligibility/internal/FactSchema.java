package be.loket.eligibility.internal;

import be.loket.eligibility.FactDefinition;
import be.loket.eligibility.FactType;
import be.loket.eligibility.LocalizedText;
import be.loket.eligibility.RuleProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The declared facts, each with a slot number for the column-wise value arrays. The outcome of every
 * right is a synthetic boolean fact {@code rights.<id>} so that one right can use another's outcome.
 */
final class FactSchema {
    static final String RIGHT_PREFIX = "rights.";

    private final List<FactDefinition> facts = new ArrayList<>();
    private final Map<String, Integer> slots = new LinkedHashMap<>();

    int add(FactDefinition d) {
        slots.put(d.name(), facts.size());
        facts.add(d);
        return facts.size() - 1;
    }

    Integer slot(String name) {
        return slots.get(name);
    }

    FactDefinition get(int slot) {
        return facts.get(slot);
    }

    FactDefinition get(String name) {
        Integer s = slots.get(name);
        return s == null ? null : facts.get(s);
    }

    int size() {
        return facts.size();
    }

    /** The facts a caller may supply: everything except the synthetic right outcomes. */
    List<FactDefinition> declared() {
        return facts.stream().filter(f -> !f.name().startsWith(RIGHT_PREFIX)).toList();
    }

    static boolean isNumeric(FactType t) {
        return t == FactType.MONEY || t == FactType.NUMBER || t == FactType.INTEGER;
    }

    static FactSchema read(Yml y, Node root) {
        FactSchema schema = new FactSchema();
        Map<String, Node> top = y.map(root, "the fact schema");
        if (top == null) {
            return schema;
        }
        Map<String, Node> facts = y.map(top.get("facts"), "'facts'");
        if (facts == null) {
            return schema;
        }
        for (var e : facts.entrySet()) {
            String name = e.getKey();
            Node n = e.getValue();
            if (!name.matches("(household|person|assessment)\\.[a-z][A-Za-z0-9]*")) {
                y.error(n, "fact name '" + name + "' must be household.<name>, person.<name> or assessment.<name>");
                continue;
            }
            Map<String, Node> m = y.map(n, "fact '" + name + "'");
            if (m == null) {
                continue;
            }
            y.onlyKeys(m, List.of("type", "subject", "period", "unit", "values", "question"), "fact '" + name + "'");
            String typeText = y.text(m, "type", n, true);
            FactType type = null;
            if (typeText != null) {
                try {
                    type = FactType.valueOf(typeText.toUpperCase());
                } catch (IllegalArgumentException ex) {
                    y.error(m.get("type"), "unknown type '" + typeText + "' of fact '" + name + "' (one of "
                            + Arrays.toString(FactType.values()).toLowerCase() + ")");
                }
            }
            String subject = y.text(m, "subject", n, true);
            String period = y.text(m, "period", n, false);
            String unit = y.text(m, "unit", n, false);
            List<String> values = new ArrayList<>();
            for (Node v : y.list(m.get("values"), "'values'")) {
                values.add(Yml.scalar(v));
            }
            if (type == FactType.CHOICE && values.isEmpty()) {
                y.error(n, "choice fact '" + name + "' needs 'values'");
            }
            LocalizedText question = y.localized(m, "question", n, true, "fact '" + name + "'");
            if (type != null && subject != null) {
                schema.add(new FactDefinition(name, type, subject, period, unit, List.copyOf(values),
                        name.startsWith("assessment."), question));
            }
        }
        return schema;
    }
}

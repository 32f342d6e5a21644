package be.loket.eligibility.internal;

import be.loket.eligibility.RuleProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Amounts that change by date (the leefloon per category, income ceilings), each value with the date
 * it is in force from and its source. A value holds until the next one starts.
 */
final class Parameters {

    record Value(LocalDate from, BigDecimal amount, String source, String note) {
    }

    /** {@code tenant}: the municipality whose rule directory declares it, null for a shipped parameter. */
    record Definition(String name, String unit, String period, List<Value> values, String file, int line, String tenant) {
        Value at(LocalDate date) {
            Value found = null;
            for (Value v : values) {
                if (!v.from().isAfter(date)) {
                    found = v;
                }
            }
            return found;
        }
    }

    private final List<Definition> definitions = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<LocalDate, double[]> byDate = new ConcurrentHashMap<>();

    Integer index(String name) {
        return index.get(name);
    }

    Definition get(int i) {
        return definitions.get(i);
    }

    Definition get(String name) {
        Integer i = index.get(name);
        return i == null ? null : definitions.get(i);
    }

    List<Definition> all() {
        return definitions;
    }

    /** Every parameter's value on the date, NaN where none is in force; cached per date. */
    double[] at(LocalDate date) {
        double[] cached = byDate.get(date);
        if (cached != null) {
            return cached;
        }
        double[] out = new double[definitions.size()];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < out.length; i++) {
            Value v = definitions.get(i).at(date);
            if (v != null) {
                out[i] = v.amount().doubleValue();
            }
        }
        if (byDate.size() > 10_000) {
            byDate.clear();
        }
        byDate.put(date, out);
        return out;
    }

    void read(Yml y, Node root) {
        read(y, root, null);
    }

    /** Reads a parameter file; a municipality's parameters are named after it ({@code <code>.<name>}). */
    void read(Yml y, Node root, String tenant) {
        Map<String, Node> top = y.map(root, "a parameter file");
        if (top == null) {
            return;
        }
        Map<String, Node> params = y.map(top.get("parameters"), "'parameters'");
        if (params == null) {
            return;
        }
        for (var e : params.entrySet()) {
            String name = e.getKey();
            Node n = e.getValue();
            if (!name.matches("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+")) {
                y.error(n, "parameter name '" + name + "' must be dotted lower camel case, e.g. leefloon.single");
                continue;
            }
            if (tenant != null && !name.startsWith(tenant + ".")) {
                y.error(n, "parameter '" + name + "' in the rule directory of " + tenant + " must be named " + tenant
                        + ".<name>, e.g. " + tenant + "." + name);
                continue;
            }
            if (index.containsKey(name)) {
                y.error(n, "parameter '" + name + "' is declared twice");
                continue;
            }
            Map<String, Node> m = y.map(n, "parameter '" + name + "'");
            if (m == null) {
                continue;
            }
            y.onlyKeys(m, List.of("unit", "period", "values", "source"), "parameter '" + name + "'");
            String unit = y.text(m, "unit", n, false);
            String period = y.text(m, "period", n, false);
            List<Value> values = new ArrayList<>();
            for (Node vn : y.list(m.get("values"), "'values'")) {
                Map<String, Node> vm = y.map(vn, "a value of '" + name + "'");
                if (vm == null) {
                    continue;
                }
                y.onlyKeys(vm, List.of("from", "value", "source", "note"), "a value of '" + name + "'");
                LocalDate from = y.date(vm, "from", vn, true);
                String amount = y.text(vm, "value", vn, true);
                String source = y.text(vm, "source", vn, true);
                String note = y.text(vm, "note", vn, false);
                BigDecimal a = null;
                if (amount != null) {
                    try {
                        a = new BigDecimal(amount);
                    } catch (NumberFormatException ex) {
                        y.error(vm.get("value"), "value of '" + name + "' is not a number: '" + amount + "'");
                    }
                }
                if (from != null && a != null && source != null) {
                    if (!values.isEmpty() && !from.isAfter(values.get(values.size() - 1).from())) {
                        y.error(vn, "values of '" + name + "' must be in date order without repeats: " + from);
                    }
                    values.add(new Value(from, a, source, note));
                }
            }
            if (values.isEmpty()) {
                y.error(n, "parameter '" + name + "' has no values");
                continue;
            }
            index.put(name, definitions.size());
            definitions.add(new Definition(name, unit, period, List.copyOf(values), y.file, Yml.line(n), tenant));
        }
    }
}

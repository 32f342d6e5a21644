package be.loket.eligibility.internal;

import be.loket.eligibility.ConditionStatus;
import be.loket.eligibility.FactDefinition;
import be.loket.eligibility.Outcome;
import be.loket.eligibility.Right;
import be.loket.eligibility.RightResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, fully checked set of rules: the fact schema, the parameters and every right with its
 * compiled versions, in an order where a right comes after the rights whose outcome it uses.
 */
public final class RuleBook {
    final FactSchema schema;
    final Parameters parameters;
    final List<CompiledRight> rights;
    final Map<String, CompiledRight> byId = new LinkedHashMap<>();

    final int fallbackExpressions;

    RuleBook(FactSchema schema, Parameters parameters, List<CompiledRight> rights, int fallbackExpressions) {
        this.fallbackExpressions = fallbackExpressions;
        this.schema = schema;
        this.parameters = parameters;
        this.rights = List.copyOf(rights);
        for (CompiledRight r : rights) {
            byId.put(r.right.id(), r);
        }
    }

    public List<Right> rights() {
        return rights.stream().map(r -> r.right).toList();
    }

    public Optional<Right> right(String id) {
        CompiledRight r = byId.get(id);
        return r == null ? Optional.empty() : Optional.of(r.right);
    }

    public List<FactDefinition> facts() {
        return schema.declared();
    }

    public Optional<FactDefinition> fact(String name) {
        FactDefinition d = schema.get(name);
        return d == null || name.startsWith(FactSchema.RIGHT_PREFIX) ? Optional.empty() : Optional.of(d);
    }

    public FactValues newFacts() {
        return new FactValues(schema.size());
    }

    /** Stores a fact already validated against its definition: Boolean, Number or String; null means unknown. */
    public void put(FactValues values, String name, Object value) {
        int slot = schema.slot(name);
        if (value == null) {
            values.unset(slot);
        } else if (value instanceof Boolean b) {
            values.setNumber(slot, b ? 1 : 0);
        } else if (value instanceof Number n) {
            values.setNumber(slot, n.doubleValue());
        } else {
            values.setText(slot, value.toString());
        }
    }

    /** Whether a right has a rule version in force on the date. */
    public boolean inForce(String id, LocalDate date) {
        CompiledRight r = byId.get(id);
        return r != null && r.at(date) != null;
    }

    /**
     * Evaluates the wanted rights (all visible to the tenant when empty) on the date. Rights they use
     * are evaluated first, whether wanted or not.
     */
    public List<RightResult> evaluate(String tenantCode, LocalDate date, FactValues values, Collection<String> wanted,
            Locale locale) {
        return evaluate(tenantCode, date, values, wanted, locale, true);
    }

    /** As above; without {@code explain} the conditions carry no text (null), for batch runs over many households. */
    public List<RightResult> evaluate(String tenantCode, LocalDate date, FactValues values, Collection<String> wanted,
            Locale locale, boolean explain) {
        List<RightResult> out = new ArrayList<>();
        run(tenantCode, date, values, wanted, (r, v, frame, outcome, missing) ->
                out.add(result(r, v, frame, outcome, missing, date, locale, explain)));
        return out;
    }

    /** Outcome, missing facts and amount only, without explanations: what the batch and the property test compare. */
    public record Verdict(String right, Outcome outcome, List<String> missingFacts, BigDecimal amount) {
    }

    public List<Verdict> verdicts(String tenantCode, LocalDate date, FactValues values, Collection<String> wanted) {
        List<Verdict> out = new ArrayList<>();
        run(tenantCode, date, values, wanted, (r, v, frame, outcome, missing) ->
                out.add(new Verdict(r.right.id(), outcome, missing, amount(v, frame, outcome))));
        return out;
    }

    private interface Sink {
        void accept(CompiledRight r, CompiledRight.Version v, Frame frame, Outcome outcome, List<String> missing);
    }

    private void run(String tenantCode, LocalDate date, FactValues values, Collection<String> wanted, Sink sink) {
        Set<String> needed = new LinkedHashSet<>();
        boolean all = wanted == null || wanted.isEmpty();
        if (all) {
            for (CompiledRight r : rights) {
                if (r.right.visibleTo(tenantCode)) {
                    needed.add(r.right.id());
                }
            }
        } else {
            wanted.forEach(id -> addWithUses(id, needed));
        }
        Frame frame = new Frame();
        double[] params = parameters.at(date);
        Map<String, List<String>> missingOf = new HashMap<>();
        for (CompiledRight r : rights) {
            if (!needed.contains(r.right.id())) {
                continue;
            }
            CompiledRight.Version v = r.at(date);
            if (v == null) {
                values.unset(r.outcomeSlot);
                continue;
            }
            int tri = v.run(frame, values, params);
            Outcome outcome = tri == Expr.TRUE ? Outcome.ELIGIBLE : tri == Expr.FALSE ? Outcome.NOT_ELIGIBLE : Outcome.POSSIBLY;
            List<String> missing = outcome == Outcome.POSSIBLY ? missing(v, frame, missingOf) : List.of();
            missingOf.put(r.right.id(), missing);
            if (outcome == Outcome.POSSIBLY) {
                values.unset(r.outcomeSlot);
            } else {
                values.setNumber(r.outcomeSlot, outcome == Outcome.ELIGIBLE ? 1 : 0);
            }
            if (all || wanted.contains(r.right.id())) {
                sink.accept(r, v, frame, outcome, missing);
            }
        }
    }

    private void addWithUses(String id, Set<String> needed) {
        CompiledRight r = byId.get(id);
        if (r != null && needed.add(id)) {
            r.uses.forEach(u -> addWithUses(u, needed));
        }
    }

    private List<String> missing(CompiledRight.Version v, Frame frame, Map<String, List<String>> missingOf) {
        long[] bits = {0};
        v.root.missing(frame, b -> bits[0] |= b);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < v.localNames.length; i++) {
            if ((bits[0] & (1L << i)) != 0) {
                String name = v.localNames[i];
                if (name.startsWith(FactSchema.RIGHT_PREFIX)) {
                    names.addAll(missingOf.getOrDefault(name.substring(FactSchema.RIGHT_PREFIX.length()), List.of()));
                } else {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    private RightResult result(CompiledRight r, CompiledRight.Version v, Frame frame, Outcome outcome, List<String> missing,
            LocalDate date, Locale locale, boolean explain) {
        List<RightResult.ConditionResult> conditions = new ArrayList<>();
        for (Cond c : v.conditions) {
            if (c.label == null) {
                continue;
            }
            byte s = frame.statuses[c.index];
            ConditionStatus status = s == Expr.TRUE ? ConditionStatus.MET : s == Expr.FALSE ? ConditionStatus.NOT_MET
                    : s == Cond.INFO ? ConditionStatus.INFO : ConditionStatus.UNKNOWN;
            conditions.add(new RightResult.ConditionResult(c.id, status, explain ? c.label.render(frame, locale) : null));
        }
        BigDecimal sum = amount(v, frame, outcome);
        RightResult.Amount amount = sum == null ? null : new RightResult.Amount(sum, v.per);
        Map<String, RightResult.ParameterUse> used = new LinkedHashMap<>();
        for (int p : v.parameters) {
            Parameters.Definition d = parameters.get(p);
            Parameters.Value value = d.at(date);
            used.put(d.name(), new RightResult.ParameterUse(value.amount(), value.from(), value.source()));
        }
        return new RightResult(r.right.id(), r.right.name().in(locale), outcome, amount, List.copyOf(conditions), missing,
                v.id, used);
    }

    /** The amount rounded to the cent, when the right is not refused and the amount's facts are known. */
    private static BigDecimal amount(CompiledRight.Version v, Frame frame, Outcome outcome) {
        if (v.amount == null || outcome == Outcome.NOT_ELIGIBLE || v.amount.unk(frame) != 0) {
            return null;
        }
        double a = v.amount.num(frame);
        return Double.isFinite(a) ? BigDecimal.valueOf(a).setScale(2, RoundingMode.HALF_UP) : null;
    }

    // ---- hot path for batch runs and benchmarks: outcome and statuses only, no text ----

    /** A right's version in force on a date, prepared for repeated evaluation. */
    public final class Prepared {
        final CompiledRight.Version version;
        final double[] params;

        Prepared(CompiledRight.Version version, double[] params) {
            this.version = version;
            this.params = params;
        }

        /** Outcome code: 1 eligible, 0 not eligible, 2 possibly; statuses are left in the frame. */
        public int evaluate(Frame frame, FactValues values) {
            return version.run(frame, values, params);
        }

        public int conditionCount() {
            return version.conditions.length;
        }
    }

    /**
     * Every right a municipality sees, in force on a date, prepared for evaluating many households in
     * a row (batch runs): outcome codes only, nothing allocated per household.
     */
    public final class Batch {
        final CompiledRight[] rights;
        final CompiledRight.Version[] versions;
        final double[] params;

        Batch(List<CompiledRight> visible, LocalDate date) {
            rights = visible.toArray(CompiledRight[]::new);
            versions = new CompiledRight.Version[rights.length];
            for (int i = 0; i < rights.length; i++) {
                versions[i] = rights[i].at(date);
            }
            params = parameters.at(date);
        }

        public int size() {
            return rights.length;
        }

        public String rightId(int i) {
            return rights[i].right.id();
        }

        /** Writes per right 1 (eligible), 0 (not eligible), 2 (possibly) or -1 (no rules in force). */
        public void evaluate(Frame frame, FactValues values, byte[] outcomes) {
            for (int i = 0; i < versions.length; i++) {
                CompiledRight.Version v = versions[i];
                int slot = rights[i].outcomeSlot;
                if (v == null) {
                    values.unset(slot);
                    outcomes[i] = -1;
                    continue;
                }
                int t = v.run(frame, values, params);
                outcomes[i] = (byte) t;
                if (t == Expr.UNKNOWN) {
                    values.unset(slot);
                } else {
                    values.setNumber(slot, t);
                }
            }
        }
    }

    public Batch batch(String tenantCode, LocalDate date) {
        return new Batch(rights.stream().filter(r -> r.right.visibleTo(tenantCode)).toList(), date);
    }

    public Prepared prepare(String rightId, LocalDate date) {
        CompiledRight r = byId.get(rightId);
        CompiledRight.Version v = r == null ? null : r.at(date);
        if (v == null) {
            throw new IllegalArgumentException("No rule version of " + rightId + " on " + date);
        }
        return new Prepared(v, parameters.at(date));
    }
}

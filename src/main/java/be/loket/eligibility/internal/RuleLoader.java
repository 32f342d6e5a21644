package be.loket.eligibility.internal;

import be.loket.eligibility.FactDefinition;
import be.loket.eligibility.FactType;
import be.loket.eligibility.Level;
import be.loket.eligibility.LocalizedText;
import be.loket.eligibility.Right;
import be.loket.eligibility.RuleLoadException;
import be.loket.eligibility.RuleProblem;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads rule files strictly: every defect (YAML syntax, unknown fact, type error, overlapping
 * versions, missing translation, a parameter without a value on a date a version covers, ...) is
 * collected with file, line and the offending text, and any defect refuses the whole set.
 */
public final class RuleLoader {

    /** One file's name (as shown in reports) and content. */
    public record Source(String name, String text) {
    }

    private static final List<String> RIGHT_KEYS = List.of("id", "kind", "level", "tenants", "name", "description",
            "organisation", "howToApply", "proofs", "duties", "grantPeriod", "renewal", "reference", "note", "keywords",
            "versions", "automaticGranting");
    private static final List<String> CONDITION_KINDS = List.of("all", "any", "not", "check", "assess", "info");

    private RuleLoader() {
    }

    /**
     * @param tenantFiles per municipality code, that municipality's own rule files: they may only hold
     *                    municipal rights of that municipality
     * @param celOnly     run every expression in CEL's standard runtime (the reference for tests)
     */
    public static RuleBook load(Source facts, List<Source> parameterFiles, List<Source> rightFiles,
            Map<String, List<Source>> tenantFiles, boolean celOnly) {
        List<RuleProblem> problems = new ArrayList<>();
        Yml fy = new Yml(facts.name(), problems);
        Node factRoot = fy.parse(facts.text());
        FactSchema schema = factRoot == null ? new FactSchema() : FactSchema.read(fy, factRoot);

        Parameters parameters = new Parameters();
        for (Source s : parameterFiles) {
            Yml y = new Yml(s.name(), problems);
            Node root = y.parse(s.text());
            if (root != null) {
                parameters.read(y, root);
            }
        }

        // A municipality's own parameters, loaded as strictly as the shipped ones and usable only by its own rights.
        List<Object[]> all = new ArrayList<>();
        rightFiles.forEach(s -> all.add(new Object[] {s, null}));
        tenantFiles.forEach((code, list) -> list.forEach(s -> {
            if (s.name().startsWith(code + RuleSources.PARAMETERS)) {
                Yml y = new Yml(s.name(), problems);
                Node root = y.parse(s.text());
                if (root != null) {
                    parameters.read(y, root, code);
                }
            } else {
                all.add(new Object[] {s, code});
            }
        }));

        // First pass: the right headers, so that every right's outcome can be declared as a fact.
        List<Parsed> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object[] entry : all) {
            Source s = (Source) entry[0];
            String tenant = (String) entry[1];
            Yml y = new Yml(s.name(), problems);
            Node root = y.parse(s.text());
            if (root == null) {
                continue;
            }
            Parsed p = header(y, root, tenant);
            if (p == null) {
                continue;
            }
            p.tenant = tenant;
            if (!ids.add(p.right.id())) {
                y.error(p.idNode, "right '" + p.right.id() + "' is declared twice");
                continue;
            }
            parsed.add(p);
        }
        for (Parsed p : parsed) {
            p.outcomeSlot = schema.add(new FactDefinition(FactSchema.RIGHT_PREFIX + p.right.id(), FactType.BOOLEAN,
                    "household", null, null, List.of(), false, p.right.name()));
        }
        if (!problems.isEmpty()) {
            throw new RuleLoadException(problems);
        }

        CelEnv env = new CelEnv(schema, parameters);
        Map<String, CompiledRight> compiled = new LinkedHashMap<>();
        int[] fallbacks = {0};
        for (Parsed p : parsed) {
            CompiledRight r = compile(p, schema, parameters, env, celOnly, fallbacks);
            if (r != null) {
                compiled.put(r.right.id(), r);
            }
        }
        List<CompiledRight> ordered = order(compiled, parsed, problems);
        if (!problems.isEmpty()) {
            throw new RuleLoadException(problems);
        }
        return new RuleBook(schema, parameters, ordered, fallbacks[0]);
    }

    private static final class Parsed {
        Yml y;
        Right right;
        Node idNode;
        Node root;
        Map<String, Node> map;
        int outcomeSlot;
        /** The municipality whose rule directory holds it; null for a shipped right. */
        String tenant;
    }

    private static Parsed header(Yml y, Node root, String tenant) {
        Map<String, Node> m = y.map(root, "a right");
        if (m == null) {
            return null;
        }
        y.onlyKeys(m, RIGHT_KEYS, "a right");
        String id = y.text(m, "id", root, true);
        if (id == null) {
            return null;
        }
        if (!id.matches("[a-z][a-z0-9_]*")) {
            y.error(m.get("id"), "right id '" + id + "' must be lower case letters, digits and _");
            return null;
        }
        String what = "right '" + id + "'";
        Right.Kind kind = Right.Kind.RIGHT;
        String kindText = y.text(m, "kind", root, false);
        if (kindText != null) {
            try {
                kind = Right.Kind.valueOf(kindText.toUpperCase());
            } catch (IllegalArgumentException e) {
                y.error(m.get("kind"), "unknown kind '" + kindText + "' of " + what + " (right or service)");
            }
        }
        Level level = null;
        String levelText = y.text(m, "level", root, true);
        if (levelText != null) {
            try {
                level = Level.valueOf(levelText.toUpperCase());
            } catch (IllegalArgumentException e) {
                y.error(m.get("level"), "unknown level '" + levelText + "' of " + what
                        + " (federal, flemish, provincial or municipal)");
            }
        }
        List<String> tenants = new ArrayList<>();
        for (Node t : y.list(m.get("tenants"), "'tenants'")) {
            tenants.add(Yml.scalar(t));
        }
        if ((level == Level.MUNICIPAL || level == Level.PROVINCIAL) && tenants.isEmpty()) {
            // A province's rights reach only its municipalities: the list names them.
            y.error(root, levelText.toLowerCase() + " " + what + " needs 'tenants'");
        }
        if (tenant != null && (level != Level.MUNICIPAL || !tenants.equals(List.of(tenant)))) {
            y.error(root, what + " in the rule directory of " + tenant + " must be municipal with tenants [" + tenant + "]");
        }
        LocalizedText name = y.localized(m, "name", root, true, what);
        LocalizedText description = y.localized(m, "description", root, true, what);
        LocalizedText organisation = y.localized(m, "organisation", root, true, what);
        LocalizedText howToApply = y.localized(m, "howToApply", root, true, what);
        List<LocalizedText> proofs = y.localizedList(m, "proofs", what);
        List<LocalizedText> duties = y.localizedList(m, "duties", what);
        // A granted right binds the citizen and ends: what they must do, how long it runs and how it is renewed.
        boolean right = kind == Right.Kind.RIGHT;
        LocalizedText grantPeriod = y.localized(m, "grantPeriod", root, right, what + " (required for a right)");
        LocalizedText renewal = y.localized(m, "renewal", root, right, what + " (required for a right)");
        Node dutiesNode = m.get("duties");
        if (right && (dutiesNode == null || dutiesNode instanceof SequenceNode list && list.getValue().isEmpty())) {
            y.error(dutiesNode == null ? root : dutiesNode, "missing 'duties' of " + what + " (required for a right: at least one)");
        }
        LocalizedText keywords = y.localized(m, "keywords", root, false, what);
        String reference = y.text(m, "reference", root, true);
        String note = y.text(m, "note", root, false);
        String automatic = y.text(m, "automaticGranting", root, false);
        if (automatic != null && !automatic.equals("true") && !automatic.equals("false")) {
            y.error(m.get("automaticGranting"), "'automaticGranting' of " + what + " must be true or false");
        }
        if (level == null || name == null || description == null || organisation == null || howToApply == null) {
            return null;
        }
        Parsed p = new Parsed();
        p.y = y;
        p.idNode = m.get("id");
        p.root = root;
        p.map = m;
        p.right = new Right(id, kind, level, List.copyOf(tenants), name, description, organisation, howToApply,
                List.copyOf(proofs), List.copyOf(duties), grantPeriod, renewal, reference, note, keywords, List.of(),
                "true".equals(automatic));
        return p;
    }

    private static CompiledRight compile(Parsed p, FactSchema schema, Parameters parameters, CelEnv env, boolean celOnly,
            int[] fallbacks) {
        Yml y = p.y;
        String rid = p.right.id();
        List<CompiledRight.Version> versions = new ArrayList<>();
        Map<CompiledRight.Version, Node> nodes = new HashMap<>();
        Set<String> uses = new TreeSet<>();
        int before = y.problems.size();
        List<Node> versionNodes = y.list(p.map.get("versions"), "'versions'");
        if (versionNodes.isEmpty()) {
            y.error(p.root, "right '" + rid + "' has no versions");
        }
        for (Node vn : versionNodes) {
            Map<String, Node> vm = y.map(vn, "a version of '" + rid + "'");
            if (vm == null) {
                continue;
            }
            y.onlyKeys(vm, List.of("from", "until", "conditions", "amount", "note"), "a version of '" + rid + "'");
            LocalDate from = y.date(vm, "from", vn, true);
            LocalDate until = y.date(vm, "until", vn, false);
            if (from != null && until != null && until.isBefore(from)) {
                y.error(vn, "version of '" + rid + "' ends (" + until + ") before it starts (" + from + ")");
            }
            ExprCompiler c = new ExprCompiler(schema, parameters, env, celOnly);
            List<Cond> flat = new ArrayList<>();
            Node condNode = vm.get("conditions");
            Cond root = null;
            if (condNode == null) {
                y.error(vn, "version of '" + rid + "' has no 'conditions'");
            } else {
                root = condition(y, condNode, c, flat, schema, parameters, rid);
            }
            Expr amount = null;
            String per = null;
            Node an = vm.get("amount");
            if (an != null) {
                Map<String, Node> am = y.map(an, "'amount'");
                if (am != null) {
                    y.onlyKeys(am, List.of("expr", "per"), "'amount'");
                    String expr = y.text(am, "expr", an, true);
                    per = y.text(am, "per", an, true);
                    if (per != null && !List.of("MONTH", "YEAR", "ONCE").contains(per)) {
                        y.error(am.get("per"), "'per' must be MONTH, YEAR or ONCE, not '" + per + "'");
                    }
                    if (expr != null) {
                        ExprCompiler.Compiled ce = c.compile(expr, ExprCompiler.Result.NUMBER, y, am.get("expr"));
                        amount = ce == null ? null : ce.expr();
                    }
                }
            }
            if (from == null || root == null) {
                continue;
            }
            fallbacks[0] += c.fallbacks;
            String[] names = c.localBits.keySet().toArray(String[]::new);
            if (names.length > 64) {
                y.error(vn, "version of '" + rid + "' reads " + names.length + " facts; at most 64");
                continue;
            }
            int[] slots = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                slots[i] = schema.slot(names[i]);
                if (names[i].startsWith(FactSchema.RIGHT_PREFIX)) {
                    uses.add(names[i].substring(FactSchema.RIGHT_PREFIX.length()));
                }
            }
            for (int pi : c.usedParameters) {
                Parameters.Definition d = parameters.get(pi);
                if (d.tenant() != null && !d.tenant().equals(p.tenant)) {
                    y.error(vn, "parameter '" + d.name() + "' belongs to the rule directory of " + d.tenant()
                            + "; only rights in that directory may use it");
                }
                LocalDate first = d.values().get(0).from();
                if (first.isAfter(from)) {
                    y.error(vn, "parameter '" + d.name() + "' has no value on " + from + ", which version " + from + " of '"
                            + rid + "' covers (its first value is from " + first + ")");
                }
            }
            CompiledRight.Version v = new CompiledRight.Version(rid + "@" + from, from, until, root,
                    flat.toArray(Cond[]::new), amount, per, slots, names, c.usedParameters.stream().mapToInt(i -> i).toArray());
            versions.add(v);
            nodes.put(v, vn);
        }
        versions.sort(Comparator.comparing(v -> v.from));
        for (int i = 1; i < versions.size(); i++) {
            CompiledRight.Version prev = versions.get(i - 1);
            CompiledRight.Version next = versions.get(i);
            if (prev.until == null || !prev.until.isBefore(next.from)) {
                y.error(nodes.get(next), "version from " + next.from + " of '" + rid + "' overlaps the version from "
                        + prev.from + " (until " + (prev.until == null ? "open end" : prev.until) + ")");
            }
        }
        if (y.problems.size() > before) {
            return null;
        }
        Right r = p.right;
        List<Right.Period> periods = versions.stream().map(v -> new Right.Period(v.id, v.from, v.until)).toList();
        Right withVersions = new Right(r.id(), r.kind(), r.level(), r.tenants(), r.name(), r.description(), r.organisation(),
                r.howToApply(), r.proofs(), r.duties(), r.grantPeriod(), r.renewal(), r.reference(), r.note(), r.keywords(),
                periods, r.automaticGranting());
        return new CompiledRight(withVersions, List.copyOf(versions), uses, p.outcomeSlot);
    }

    private static Cond condition(Yml y, Node n, ExprCompiler c, List<Cond> flat, FactSchema schema,
            Parameters parameters, String rid) {
        Map<String, Node> m = y.map(n, "a condition of '" + rid + "'");
        if (m == null) {
            return null;
        }
        List<String> kinds = m.keySet().stream().filter(CONDITION_KINDS::contains).toList();
        if (kinds.size() != 1) {
            y.error(n, "a condition of '" + rid + "' needs exactly one of " + CONDITION_KINDS + ", found " + kinds);
            return null;
        }
        String kind = kinds.get(0);
        y.onlyKeys(m, List.of("id", kind, "label", "values"), "a condition of '" + rid + "'");
        int index = flat.size();
        flat.add(null);
        String id = y.text(m, "id", n, !kind.equals("all") && !kind.equals("any") && !kind.equals("not"));
        if (id == null) {
            id = kind + "-" + index;
        }
        LocalizedText text = m.containsKey("label") || !List.of("all", "any", "not").contains(kind)
                ? y.localized(m, "label", n, true, "condition '" + id + "' of '" + rid + "'") : null;
        Label label = text == null ? null : label(y, n, text, m.get("values"), c);
        Cond result = null;
        switch (kind) {
            case "all":
            case "any": {
                List<Cond> parts = new ArrayList<>();
                for (Node child : y.list(m.get(kind), "'" + kind + "'")) {
                    Cond part = condition(y, child, c, flat, schema, parameters, rid);
                    if (part != null) {
                        parts.add(part);
                    }
                }
                result = kind.equals("all") ? new Cond.All(index, id, label, parts) : new Cond.Any(index, id, label, parts);
                break;
            }
            case "not": {
                Cond part = condition(y, m.get("not"), c, flat, schema, parameters, rid);
                result = part == null ? null : new Cond.Not(index, id, label, part);
                break;
            }
            case "check": {
                String expr = Yml.scalar(m.get("check"));
                if (expr == null) {
                    y.error(m.get("check"), "'check' must be an expression");
                    break;
                }
                ExprCompiler.Compiled ce = c.compile(expr, ExprCompiler.Result.BOOL, y, m.get("check"));
                result = ce == null ? null : new Cond.Check(index, id, label, ce.expr());
                break;
            }
            case "assess": {
                String fact = Yml.scalar(m.get("assess"));
                FactDefinition d = fact == null ? null : schema.get(fact);
                if (d == null || !d.assessment() || d.type() != FactType.BOOLEAN) {
                    y.error(m.get("assess"), "'assess' needs a yes/no assessment fact (assessment.<name>), not '" + fact + "'");
                    break;
                }
                long bit = c.bit(fact);
                result = new Cond.Check(index, id, label, new Expr.FactBool(schema.slot(fact), bit));
                break;
            }
            default:
                result = new Cond.Info(index, id, label);
                break;
        }
        flat.set(index, result);
        if (result == null) {
            flat.remove(index);
        }
        return result;
    }

    private static Label label(Yml y, Node owner, LocalizedText text, Node valuesNode, ExprCompiler c) {
        Map<String, String> exprs = new LinkedHashMap<>();
        Map<String, Node> at = new HashMap<>();
        if (valuesNode != null) {
            Map<String, Node> vm = y.map(valuesNode, "'values'");
            if (vm != null) {
                vm.forEach((k, v) -> {
                    exprs.put(k, Yml.scalar(v));
                    at.put(k, v);
                });
            }
        }
        Set<String> used = new LinkedHashSet<>();
        for (String t : List.of(text.nl(), text.fr(), text.en())) {
            Matcher m = Label.PLACEHOLDER.matcher(t);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        Map<String, Label.Value> values = new LinkedHashMap<>();
        for (String name : used) {
            String expr = exprs.getOrDefault(name, name);
            Node where = at.getOrDefault(name, owner);
            if (!exprs.containsKey(name) && !name.contains(".")) {
                y.error(owner, "unknown placeholder '{" + name + "}' in label; declare it under 'values'");
                continue;
            }
            ExprCompiler.Compiled ce = c.compile(expr, ExprCompiler.Result.ANY, y, where);
            if (ce != null) {
                values.put(name, new Label.Value(ce.expr(), kind(ce, c)));
            }
        }
        return new Label(text, values);
    }

    private static Label.Kind kind(ExprCompiler.Compiled ce, ExprCompiler c) {
        CelType t = ce.type();
        if (t.equals(SimpleType.DOUBLE)) {
            boolean money = ce.names().stream().anyMatch(n -> "EUR".equals(c.unitOf(n)));
            return money ? Label.Kind.MONEY : Label.Kind.NUMBER;
        }
        if (t.equals(SimpleType.INT)) {
            return Label.Kind.INTEGER;
        }
        if (t.equals(SimpleType.BOOL)) {
            return Label.Kind.BOOL;
        }
        return Label.Kind.TEXT;
    }

    /** Rights ordered so that a right follows those whose outcome it uses; a cycle is a defect. */
    private static List<CompiledRight> order(Map<String, CompiledRight> compiled, List<Parsed> parsed,
            List<RuleProblem> problems) {
        List<CompiledRight> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        Map<String, Parsed> byId = new HashMap<>();
        parsed.forEach(p -> byId.put(p.right.id(), p));
        for (String id : compiled.keySet()) {
            visit(id, compiled, byId, done, visiting, out, problems);
        }
        return out;
    }

    private static void visit(String id, Map<String, CompiledRight> compiled, Map<String, Parsed> byId, Set<String> done,
            Set<String> visiting, List<CompiledRight> out, List<RuleProblem> problems) {
        if (done.contains(id) || !compiled.containsKey(id)) {
            return;
        }
        if (!visiting.add(id)) {
            Parsed p = byId.get(id);
            p.y.error(p.idNode, "right '" + id + "' depends on its own outcome through " + visiting);
            return;
        }
        for (String u : compiled.get(id).uses) {
            visit(u, compiled, byId, done, visiting, out, problems);
        }
        visiting.remove(id);
        done.add(id);
        out.add(compiled.get(id));
    }
}

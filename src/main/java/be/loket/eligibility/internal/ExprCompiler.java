package be.loket.eligibility.internal;

import be.loket.eligibility.FactDefinition;
import be.loket.eligibility.FactType;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelAttribute;
import dev.cel.runtime.CelAttributePattern;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.PartialVars;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses and type-checks one CEL expression against the fact schema and parameters, then compiles it
 * into an {@link Expr} tree. Constructs the compiler does not cover run in CEL's standard runtime
 * instead ({@link Fallback}); with {@code celOnly} every expression does, which is the reference the
 * property-based test compares against.
 */
final class ExprCompiler {
    enum Result { BOOL, NUMBER, ANY }

    private final FactSchema schema;
    private final Parameters parameters;
    private final CelEnv env;
    private final boolean celOnly;
    /** Facts of the rule version being compiled, by name, in bit order. */
    final Map<String, Integer> localBits = new LinkedHashMap<>();
    final Set<Integer> usedParameters = new TreeSet<>();
    /** How many expressions had to fall back to CEL's runtime; the shipped rules keep this at zero. */
    int fallbacks;

    ExprCompiler(FactSchema schema, Parameters parameters, CelEnv env, boolean celOnly) {
        this.schema = schema;
        this.parameters = parameters;
        this.env = env;
        this.celOnly = celOnly;
    }

    /** Unchecked CEL type of a compiled expression, used to format placeholder values. */
    record Compiled(Expr expr, CelType type, Set<String> names) {
    }

    Compiled compile(String text, Result expected, Yml y, Node at) {
        String quoted = "\"" + text.strip() + "\"";
        CelValidationResult parsed = env.compiler.parse(text);
        if (parsed.hasError()) {
            CelIssue issue = parsed.getErrors().get(0);
            y.error(at, "syntax error in " + quoted + " at column " + (issue.getSourceLocation().getColumn() + 1)
                    + ": " + issue.getMessage());
            return null;
        }
        CelAbstractSyntaxTree ast;
        Set<String> names = new TreeSet<>();
        try {
            ast = parsed.getAst();
        } catch (CelValidationException e) {
            y.error(at, "syntax error in " + quoted + ": " + e.getMessage());
            return null;
        }
        boolean known = true;
        for (String name : chains(ast.getExpr())) {
            if (schema.slot(name) != null || parameters.index(name) != null) {
                names.add(name);
                continue;
            }
            String root = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            String kind;
            if (root.equals("household") || root.equals("person") || root.equals("assessment")) {
                kind = "unknown fact";
            } else if (root.equals("rights")) {
                kind = "unknown right";
            } else if (parameters.all().stream().anyMatch(p -> p.name().startsWith(root + "."))) {
                kind = "unknown parameter";
            } else {
                kind = "unknown name";
            }
            y.error(at, kind + " '" + name + "' in " + quoted);
            known = false;
        }
        if (!known) {
            return null;
        }
        CelValidationResult checked = env.compiler.check(ast);
        if (checked.hasError()) {
            y.error(at, "type error in " + quoted + ": " + checked.getErrors().get(0).getMessage());
            return null;
        }
        try {
            ast = checked.getAst();
        } catch (CelValidationException e) {
            y.error(at, "type error in " + quoted + ": " + e.getMessage());
            return null;
        }
        CelType type = ast.getResultType();
        if (expected == Result.BOOL && !type.equals(SimpleType.BOOL)) {
            y.error(at, "a check must be true or false, but " + quoted + " is " + type.name());
            return null;
        }
        if (expected == Result.NUMBER && !type.equals(SimpleType.DOUBLE) && !type.equals(SimpleType.INT)) {
            y.error(at, "an amount must be a number, but " + quoted + " is " + type.name());
            return null;
        }
        for (String n : names) {
            if (schema.slot(n) != null) {
                bit(n);
            } else {
                usedParameters.add(parameters.index(n));
            }
        }
        Expr expr;
        if (celOnly) {
            expr = fallback(ast, names);
        } else {
            try {
                expr = build(ast, ast.getExpr());
            } catch (Unsupported u) {
                fallbacks++;
                expr = fallback(ast, names);
            }
        }
        return new Compiled(expr, type, names);
    }

    /** The unit of a fact or parameter (EUR for amounts), null when it has none. */
    String unitOf(String name) {
        FactDefinition d = schema.get(name);
        if (d != null) {
            return d.type() == FactType.MONEY ? "EUR" : d.unit();
        }
        Parameters.Definition p = parameters.get(name);
        return p == null ? null : p.unit();
    }

    long bit(String fact) {
        Integer b = localBits.get(fact);
        if (b == null) {
            b = localBits.size();
            localBits.put(fact, b);
        }
        return 1L << b;
    }

    /** Every qualified name (a.b.c) the expression refers to. */
    private static Set<String> chains(CelExpr e) {
        Set<String> out = new TreeSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(CelExpr e, Set<String> out) {
        switch (e.getKind()) {
            case IDENT:
                out.add(e.ident().name());
                break;
            case SELECT: {
                String chain = chain(e);
                if (chain != null) {
                    out.add(chain);
                } else {
                    collect(e.select().operand(), out);
                }
                break;
            }
            case CALL:
                e.call().target().ifPresent(t -> collect(t, out));
                e.call().args().forEach(a -> collect(a, out));
                break;
            case LIST:
                e.list().elements().forEach(a -> collect(a, out));
                break;
            default:
                break;
        }
    }

    private static String chain(CelExpr e) {
        if (e.getKind() == CelExpr.ExprKind.Kind.IDENT) {
            return e.ident().name();
        }
        if (e.getKind() == CelExpr.ExprKind.Kind.SELECT && !e.select().testOnly()) {
            String left = chain(e.select().operand());
            return left == null ? null : left + "." + e.select().field();
        }
        return null;
    }

    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private CelType typeOf(CelAbstractSyntaxTree ast, CelExpr e) {
        return ast.getType(e.id()).orElse(SimpleType.DYN);
    }

    private Expr build(CelAbstractSyntaxTree ast, CelExpr e) throws Unsupported {
        switch (e.getKind()) {
            case CONSTANT:
                return constant(e.constant());
            case IDENT:
                return reference(e.ident().name());
            case SELECT: {
                String name = chain(e);
                if (name == null) {
                    throw new Unsupported();
                }
                return reference(name);
            }
            case CALL:
                return call(ast, e);
            default:
                throw new Unsupported();
        }
    }

    private static Expr constant(CelConstant c) throws Unsupported {
        switch (c.getKind()) {
            case BOOLEAN_VALUE: return new Expr.Bool(c.booleanValue());
            case INT64_VALUE: return new Expr.Num(c.int64Value());
            case DOUBLE_VALUE: return new Expr.Num(c.doubleValue());
            case STRING_VALUE: return new Expr.Str(c.stringValue());
            default: throw new Unsupported();
        }
    }

    private Expr reference(String name) throws Unsupported {
        Integer slot = schema.slot(name);
        if (slot != null) {
            FactType t = schema.get(slot).type();
            long bit = bit(name);
            if (t == FactType.BOOLEAN) {
                return new Expr.FactBool(slot, bit);
            }
            if (FactSchema.isNumeric(t)) {
                return new Expr.FactNum(slot, bit);
            }
            return new Expr.FactObj(slot, bit);
        }
        Integer p = parameters.index(name);
        if (p != null) {
            return new Expr.Param(p);
        }
        throw new Unsupported();
    }

    private Expr call(CelAbstractSyntaxTree ast, CelExpr e) throws Unsupported {
        if (e.call().target().isPresent()) {
            throw new Unsupported();
        }
        List<CelExpr> args = e.call().args();
        String fn = e.call().function();
        CelType type = typeOf(ast, e);
        switch (fn) {
            case "_&&_": return new Expr.Junction(build(ast, args.get(0)), build(ast, args.get(1)), true);
            case "_||_": return new Expr.Junction(build(ast, args.get(0)), build(ast, args.get(1)), false);
            case "!_": return new Expr.Not(build(ast, args.get(0)));
            case "_?_:_": return new Expr.Conditional(build(ast, args.get(0)), build(ast, args.get(1)), build(ast, args.get(2)));
            case "-_":
                if (type.equals(SimpleType.DOUBLE)) {
                    return new Expr.Neg(build(ast, args.get(0)));
                }
                throw new Unsupported();
            case "_+_": return arith(ast, Expr.Op.ADD, type, args);
            case "_-_": return arith(ast, Expr.Op.SUB, type, args);
            case "_*_": return arith(ast, Expr.Op.MUL, type, args);
            case "_/_": return arith(ast, Expr.Op.DIV, type, args);
            case "_%_": return arith(ast, Expr.Op.MOD, type, args);
            case "_<_": return compare(ast, Expr.Cmp.LT, args);
            case "_<=_": return compare(ast, Expr.Cmp.LE, args);
            case "_>_": return compare(ast, Expr.Cmp.GT, args);
            case "_>=_": return compare(ast, Expr.Cmp.GE, args);
            case "_==_": return compare(ast, Expr.Cmp.EQ, args);
            case "_!=_": return compare(ast, Expr.Cmp.NE, args);
            case "@in": return in(ast, args);
            case "double":
                if (args.size() == 1 && typeOf(ast, args.get(0)).equals(SimpleType.INT)) {
                    return new Expr.ToDouble(build(ast, args.get(0)));
                }
                throw new Unsupported();
            default:
                throw new Unsupported();
        }
    }

    private Expr arith(CelAbstractSyntaxTree ast, Expr.Op op, CelType type, List<CelExpr> args) throws Unsupported {
        Expr l = build(ast, args.get(0));
        Expr r = build(ast, args.get(1));
        if (type.equals(SimpleType.DOUBLE) && op != Expr.Op.MOD) {
            return new Expr.Arith(op, l, r);
        }
        if (type.equals(SimpleType.INT)) {
            // Integer division by a variable may fail at run time in CEL; leave that to CEL itself.
            if ((op == Expr.Op.DIV || op == Expr.Op.MOD) && !(r instanceof Expr.Num n && n.value != 0)) {
                throw new Unsupported();
            }
            return new Expr.IntArith(op, l, r);
        }
        throw new Unsupported();
    }

    private Expr compare(CelAbstractSyntaxTree ast, Expr.Cmp op, List<CelExpr> args) throws Unsupported {
        CelType lt = typeOf(ast, args.get(0));
        CelType rt = typeOf(ast, args.get(1));
        if (!lt.equals(rt)) {
            throw new Unsupported();
        }
        Expr l = build(ast, args.get(0));
        Expr r = build(ast, args.get(1));
        if (lt.equals(SimpleType.DOUBLE) || lt.equals(SimpleType.INT)) {
            return new Expr.NumCmp(op, l, r);
        }
        if (lt.equals(SimpleType.STRING) && (op == Expr.Cmp.EQ || op == Expr.Cmp.NE)) {
            return new Expr.ObjEq(l, r, op == Expr.Cmp.NE);
        }
        if (lt.equals(SimpleType.BOOL) && (op == Expr.Cmp.EQ || op == Expr.Cmp.NE)) {
            return new Expr.BoolEq(l, r, op == Expr.Cmp.NE);
        }
        throw new Unsupported();
    }

    private Expr in(CelAbstractSyntaxTree ast, List<CelExpr> args) throws Unsupported {
        CelExpr list = args.get(1);
        if (list.getKind() != CelExpr.ExprKind.Kind.LIST) {
            throw new Unsupported();
        }
        CelType t = typeOf(ast, args.get(0));
        List<CelExpr> elements = list.list().elements();
        if (t.equals(SimpleType.STRING)) {
            String[] values = new String[elements.size()];
            for (int i = 0; i < values.length; i++) {
                CelExpr el = elements.get(i);
                if (el.getKind() != CelExpr.ExprKind.Kind.CONSTANT || el.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
                    throw new Unsupported();
                }
                values[i] = el.constant().stringValue();
            }
            return new Expr.InTexts(build(ast, args.get(0)), values);
        }
        if (t.equals(SimpleType.INT) || t.equals(SimpleType.DOUBLE)) {
            double[] values = new double[elements.size()];
            for (int i = 0; i < values.length; i++) {
                CelExpr el = elements.get(i);
                if (el.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
                    throw new Unsupported();
                }
                CelConstant c = el.constant();
                if (c.getKind() == CelConstant.Kind.INT64_VALUE && t.equals(SimpleType.INT)) {
                    values[i] = c.int64Value();
                } else if (c.getKind() == CelConstant.Kind.DOUBLE_VALUE && t.equals(SimpleType.DOUBLE)) {
                    values[i] = c.doubleValue();
                } else {
                    throw new Unsupported();
                }
            }
            return new Expr.InNums(build(ast, args.get(0)), values);
        }
        throw new Unsupported();
    }

    private Expr fallback(CelAbstractSyntaxTree ast, Set<String> names) {
        CelRuntime.Program program;
        try {
            program = env.runtime.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("CEL could not plan a checked expression", e);
        }
        List<String> facts = new ArrayList<>();
        List<String> params = new ArrayList<>();
        for (String n : names) {
            (schema.slot(n) != null ? facts : params).add(n);
        }
        int k = facts.size();
        int[] slots = new int[k];
        long[] bits = new long[k];
        FactType[] types = new FactType[k];
        String[] factNames = facts.toArray(String[]::new);
        for (int i = 0; i < k; i++) {
            slots[i] = schema.slot(factNames[i]);
            bits[i] = bit(factNames[i]);
            types[i] = schema.get(slots[i]).type();
        }
        String[] paramNames = params.toArray(String[]::new);
        int[] paramIdx = new int[paramNames.length];
        for (int i = 0; i < paramIdx.length; i++) {
            paramIdx[i] = parameters.index(paramNames[i]);
        }
        return new Fallback(program, factNames, slots, bits, types, paramNames, paramIdx);
    }

    /** An expression run by CEL's standard runtime with unknown tracking: correct, but slow. */
    static final class Fallback extends Expr {
        private final CelRuntime.Program program;
        private final String[] facts;
        private final int[] slots;
        private final long[] bits;
        private final FactType[] types;
        private final String[] params;
        private final int[] paramIdx;

        Fallback(CelRuntime.Program program, String[] facts, int[] slots, long[] bits, FactType[] types, String[] params,
                int[] paramIdx) {
            super(or(bits), false);
            this.program = program;
            this.facts = facts;
            this.slots = slots;
            this.bits = bits;
            this.types = types;
            this.params = params;
            this.paramIdx = paramIdx;
        }

        private static long or(long[] bits) {
            long d = 0;
            for (long b : bits) {
                d |= b;
            }
            return d;
        }

        Object run(Frame f) {
            Map<String, Object> vars = new HashMap<>();
            List<CelAttributePattern> unknowns = new ArrayList<>();
            for (int i = 0; i < facts.length; i++) {
                if ((f.unknown & bits[i]) != 0) {
                    unknowns.add(CelAttributePattern.fromQualifiedIdentifier(facts[i]));
                    continue;
                }
                switch (types[i]) {
                    case BOOLEAN: vars.put(facts[i], f.num[slots[i]] != 0); break;
                    case INTEGER: vars.put(facts[i], (long) f.num[slots[i]]); break;
                    case MONEY:
                    case NUMBER: vars.put(facts[i], f.num[slots[i]]); break;
                    default: vars.put(facts[i], f.obj[slots[i]]); break;
                }
            }
            for (int i = 0; i < params.length; i++) {
                vars.put(params[i], f.params[paramIdx[i]]);
            }
            try {
                return program.eval(PartialVars.of(vars, unknowns.toArray(CelAttributePattern[]::new)));
            } catch (CelEvaluationException e) {
                throw new IllegalStateException("Rule expression failed: " + e.getMessage(), e);
            }
        }

        @Override
        int tri(Frame f) {
            Object r = run(f);
            if (r instanceof CelUnknownSet) {
                return UNKNOWN;
            }
            return Boolean.TRUE.equals(r) ? TRUE : FALSE;
        }

        @Override
        double num(Frame f) {
            return ((Number) run(f)).doubleValue();
        }

        @Override
        Object obj(Frame f) {
            return run(f);
        }

        @Override
        long unknownSet(Frame f) {
            Object r = run(f);
            if (!(r instanceof CelUnknownSet u)) {
                return 0;
            }
            long mask = 0;
            for (CelAttribute a : u.attributes()) {
                String name = a.toString();
                for (int i = 0; i < facts.length; i++) {
                    if (facts[i].equals(name)) {
                        mask |= bits[i];
                    }
                }
            }
            return mask;
        }
    }
}

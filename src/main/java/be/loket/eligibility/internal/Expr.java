package be.loket.eligibility.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * A compiled CEL expression in three-valued form. Boolean nodes answer {@link #tri}; number and text
 * nodes answer {@link #num} or {@link #obj} once {@link #unk} has said they are known. The unknown
 * set follows CEL's own rules (strict operators unite their operands' unknowns; {@code &&}/{@code ||}
 * absorb unknowns when one side decides; a conditional with an unknown test is unknown by the test),
 * so the missing facts equal those of CEL's standard runtime.
 */
abstract class Expr {
    static final int FALSE = 0;
    static final int TRUE = 1;
    static final int UNKNOWN = 2;

    /** Rule-local bits of every fact this subtree may read. */
    final long deps;
    /** True when no operator below short-circuits: the unknown set is then simply the unknown deps. */
    final boolean strict;

    Expr(long deps, boolean strict) {
        this.deps = deps;
        this.strict = strict;
    }

    int tri(Frame f) {
        throw new IllegalStateException("not a condition: " + getClass().getSimpleName());
    }

    double num(Frame f) {
        throw new IllegalStateException("not a number: " + getClass().getSimpleName());
    }

    Object obj(Frame f) {
        throw new IllegalStateException("not a text: " + getClass().getSimpleName());
    }

    /** The rule-local bits of the unknown facts that make this value unknown; 0 when it is known. */
    final long unk(Frame f) {
        return strict ? f.unknown & deps : unknownSet(f);
    }

    long unknownSet(Frame f) {
        return f.unknown & deps;
    }

    static long depsOf(Expr... children) {
        long d = 0;
        for (Expr c : children) {
            d |= c.deps;
        }
        return d;
    }

    static boolean allStrict(Expr... children) {
        for (Expr c : children) {
            if (!c.strict) {
                return false;
            }
        }
        return true;
    }

    // ---- leaves ----

    static final class Num extends Expr {
        final double value;

        Num(double value) {
            super(0, true);
            this.value = value;
        }

        @Override
        double num(Frame f) {
            return value;
        }
    }

    static final class Bool extends Expr {
        final int value;

        Bool(boolean value) {
            super(0, true);
            this.value = value ? TRUE : FALSE;
        }

        @Override
        int tri(Frame f) {
            return value;
        }
    }

    static final class Str extends Expr {
        final String value;

        Str(String value) {
            super(0, true);
            this.value = value;
        }

        @Override
        Object obj(Frame f) {
            return value;
        }
    }

    static final class FactNum extends Expr {
        final int slot;

        FactNum(int slot, long bit) {
            super(bit, true);
            this.slot = slot;
        }

        @Override
        double num(Frame f) {
            return f.num[slot];
        }
    }

    static final class FactBool extends Expr {
        final int slot;

        FactBool(int slot, long bit) {
            super(bit, true);
            this.slot = slot;
        }

        @Override
        int tri(Frame f) {
            return (f.unknown & deps) != 0 ? UNKNOWN : f.num[slot] != 0 ? TRUE : FALSE;
        }
    }

    static final class FactObj extends Expr {
        final int slot;

        FactObj(int slot, long bit) {
            super(bit, true);
            this.slot = slot;
        }

        @Override
        Object obj(Frame f) {
            return f.obj[slot];
        }
    }

    static final class Param extends Expr {
        final int index;

        Param(int index) {
            super(0, true);
            this.index = index;
        }

        @Override
        double num(Frame f) {
            return f.params[index];
        }
    }

    /** A strict operator on two operands: unknown when either is, by the union of their unknowns. */
    abstract static class Binary extends Expr {
        final Expr l;
        final Expr r;

        Binary(Expr l, Expr r) {
            super(depsOf(l, r), allStrict(l, r));
            this.l = l;
            this.r = r;
        }

        @Override
        final long unknownSet(Frame f) {
            return l.unk(f) | r.unk(f);
        }
    }

    /** A strict operator on one operand. */
    abstract static class Unary extends Expr {
        final Expr x;

        Unary(Expr x) {
            super(x.deps, x.strict);
            this.x = x;
        }

        @Override
        final long unknownSet(Frame f) {
            return x.unk(f);
        }
    }

    // ---- arithmetic ----

    enum Op { ADD, SUB, MUL, DIV, MOD }

    /** Double arithmetic, IEEE as in CEL (division by zero gives infinity, never an error). */
    static final class Arith extends Binary {
        final Op op;

        Arith(Op op, Expr l, Expr r) {
            super(l, r);
            this.op = op;
        }

        @Override
        double num(Frame f) {
            double a = l.num(f);
            double b = r.num(f);
            switch (op) {
                case ADD: return a + b;
                case SUB: return a - b;
                case MUL: return a * b;
                case DIV: return a / b;
                default: throw new IllegalStateException(op.name());
            }
        }
    }

    /** Integer arithmetic; the compiler only emits division and modulo by a non-zero constant. */
    static final class IntArith extends Binary {
        final Op op;

        IntArith(Op op, Expr l, Expr r) {
            super(l, r);
            this.op = op;
        }

        @Override
        double num(Frame f) {
            long a = (long) l.num(f);
            long b = (long) r.num(f);
            switch (op) {
                case ADD: return Math.addExact(a, b);
                case SUB: return Math.subtractExact(a, b);
                case MUL: return Math.multiplyExact(a, b);
                case DIV: return a / b;
                case MOD: return a % b;
                default: throw new IllegalStateException(op.name());
            }
        }
    }

    static final class Neg extends Unary {
        Neg(Expr x) {
            super(x);
        }

        @Override
        double num(Frame f) {
            return -x.num(f);
        }
    }

    /** Conversion int to double ({@code double(x)}). */
    static final class ToDouble extends Unary {
        ToDouble(Expr x) {
            super(x);
        }

        @Override
        double num(Frame f) {
            return x.num(f);
        }
    }

    // ---- comparisons ----

    enum Cmp { LT, LE, GT, GE, EQ, NE }

    static final class NumCmp extends Binary {
        final Cmp op;

        NumCmp(Cmp op, Expr l, Expr r) {
            super(l, r);
            this.op = op;
        }

        @Override
        int tri(Frame f) {
            if (unk(f) != 0) {
                return UNKNOWN;
            }
            double a = l.num(f);
            double b = r.num(f);
            boolean v;
            switch (op) {
                case LT: v = a < b; break;
                case LE: v = a <= b; break;
                case GT: v = a > b; break;
                case GE: v = a >= b; break;
                case EQ: v = a == b; break;
                default: v = a != b; break;
            }
            return v ? TRUE : FALSE;
        }
    }

    static final class ObjEq extends Binary {
        final boolean negate;

        ObjEq(Expr l, Expr r, boolean negate) {
            super(l, r);
            this.negate = negate;
        }

        @Override
        int tri(Frame f) {
            if (unk(f) != 0) {
                return UNKNOWN;
            }
            return Objects.equals(l.obj(f), r.obj(f)) != negate ? TRUE : FALSE;
        }
    }

    static final class BoolEq extends Binary {
        final boolean negate;

        BoolEq(Expr l, Expr r, boolean negate) {
            super(l, r);
            this.negate = negate;
        }

        @Override
        int tri(Frame f) {
            if (unk(f) != 0) {
                return UNKNOWN;
            }
            return (l.tri(f) == r.tri(f)) != negate ? TRUE : FALSE;
        }
    }

    /** {@code x in [constants]} for texts. */
    static final class InTexts extends Unary {
        final String[] values;

        InTexts(Expr x, String[] values) {
            super(x);
            this.values = values;
        }

        @Override
        int tri(Frame f) {
            if (unk(f) != 0) {
                return UNKNOWN;
            }
            Object v = x.obj(f);
            for (String s : values) {
                if (s.equals(v)) {
                    return TRUE;
                }
            }
            return FALSE;
        }
    }

    /** {@code x in [constants]} for numbers. */
    static final class InNums extends Unary {
        final double[] values;

        InNums(Expr x, double[] values) {
            super(x);
            this.values = values;
        }

        @Override
        int tri(Frame f) {
            if (unk(f) != 0) {
                return UNKNOWN;
            }
            double v = x.num(f);
            return Arrays.stream(values).anyMatch(d -> d == v) ? TRUE : FALSE;
        }
    }

    // ---- logic (Kleene, commutative like CEL) ----

    /**
     * {@code &&} and {@code ||}: the absorbing value (false for and, true for or) decides even when the
     * other side is unknown; otherwise any unknown side makes the result unknown by its facts.
     */
    static final class Junction extends Expr {
        final Expr l;
        final Expr r;
        final int absorbing;
        final int neutral;

        Junction(Expr l, Expr r, boolean and) {
            super(depsOf(l, r), false);
            this.l = l;
            this.r = r;
            this.absorbing = and ? FALSE : TRUE;
            this.neutral = and ? TRUE : FALSE;
        }

        @Override
        int tri(Frame f) {
            int a = l.tri(f);
            if (a == absorbing) {
                return absorbing;
            }
            int b = r.tri(f);
            if (b == absorbing) {
                return absorbing;
            }
            return a == neutral && b == neutral ? neutral : UNKNOWN;
        }

        @Override
        long unknownSet(Frame f) {
            int a = l.tri(f);
            int b = r.tri(f);
            if (a == absorbing || b == absorbing) {
                return 0;
            }
            return (a == UNKNOWN ? l.unk(f) : 0) | (b == UNKNOWN ? r.unk(f) : 0);
        }
    }

    static final class Not extends Unary {
        Not(Expr x) {
            super(x);
        }

        @Override
        int tri(Frame f) {
            int v = x.tri(f);
            return v == UNKNOWN ? UNKNOWN : 1 - v;
        }
    }

    /** {@code c ? a : b} of any type; an unknown test makes the whole unknown by the test's facts. */
    static final class Conditional extends Expr {
        final Expr c;
        final Expr a;
        final Expr b;

        Conditional(Expr c, Expr a, Expr b) {
            super(depsOf(c, a, b), false);
            this.c = c;
            this.a = a;
            this.b = b;
        }

        @Override
        int tri(Frame f) {
            int t = c.tri(f);
            return t == UNKNOWN ? UNKNOWN : t == TRUE ? a.tri(f) : b.tri(f);
        }

        @Override
        double num(Frame f) {
            return c.tri(f) == TRUE ? a.num(f) : b.num(f);
        }

        @Override
        Object obj(Frame f) {
            return c.tri(f) == TRUE ? a.obj(f) : b.obj(f);
        }

        @Override
        long unknownSet(Frame f) {
            int t = c.tri(f);
            return t == UNKNOWN ? c.unk(f) : t == TRUE ? a.unk(f) : b.unk(f);
        }
    }
}

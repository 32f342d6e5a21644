package be.loket.eligibility.internal;

import java.util.List;

/**
 * A node of a right's condition tree, evaluated in Kleene logic: an {@code all} is false as soon as
 * one part is false even when others are unknown, an {@code any} true as soon as one part is true.
 * Each node writes its status into the frame so explanations can be rendered afterwards, on demand.
 */
abstract class Cond {
    static final byte INFO = 3;

    final int index;
    final String id;
    final Label label;

    Cond(int index, String id, Label label) {
        this.index = index;
        this.id = id;
        this.label = label;
    }

    final int eval(Frame f) {
        int v = compute(f);
        f.statuses[index] = (byte) v;
        return v;
    }

    abstract int compute(Frame f);

    /** Collects the rule-local bits of the facts that could still change this undecided node. */
    abstract void missing(Frame f, MissingSink sink);

    interface MissingSink {
        void facts(long localBits);
    }

    /** A group: only its undecided parts can still change it. */
    abstract static class Group extends Cond {
        final Cond[] parts;

        Group(int index, String id, Label label, List<Cond> parts) {
            super(index, id, label);
            this.parts = parts.toArray(Cond[]::new);
        }

        @Override
        final void missing(Frame f, MissingSink sink) {
            for (Cond c : parts) {
                if (f.statuses[c.index] == Expr.UNKNOWN) {
                    c.missing(f, sink);
                }
            }
        }
    }

    static final class All extends Group {
        All(int index, String id, Label label, List<Cond> parts) {
            super(index, id, label, parts);
        }

        @Override
        int compute(Frame f) {
            // Every part is evaluated (no short circuit) so that every status is known for the explanation.
            int result = Expr.TRUE;
            for (Cond c : parts) {
                int v = c.eval(f);
                if (v == Expr.FALSE) {
                    result = Expr.FALSE;
                } else if (v == Expr.UNKNOWN && result == Expr.TRUE) {
                    result = Expr.UNKNOWN;
                }
            }
            return result;
        }
    }

    static final class Any extends Group {
        Any(int index, String id, Label label, List<Cond> parts) {
            super(index, id, label, parts);
        }

        @Override
        int compute(Frame f) {
            int result = Expr.FALSE;
            boolean decisive = false;
            for (Cond c : parts) {
                int v = c.eval(f);
                if (v == INFO) {
                    continue;
                }
                decisive = true;
                if (v == Expr.TRUE) {
                    result = Expr.TRUE;
                } else if (v == Expr.UNKNOWN && result == Expr.FALSE) {
                    result = Expr.UNKNOWN;
                }
            }
            return decisive ? result : Expr.TRUE;
        }
    }

    static final class Not extends Cond {
        final Cond part;

        Not(int index, String id, Label label, Cond part) {
            super(index, id, label);
            this.part = part;
        }

        @Override
        int compute(Frame f) {
            int v = part.eval(f);
            return v == Expr.UNKNOWN ? Expr.UNKNOWN : v == INFO ? INFO : 1 - v;
        }

        @Override
        void missing(Frame f, MissingSink sink) {
            part.missing(f, sink);
        }
    }

    /** A machine-checkable expression over facts and parameters, or a worker's recorded assessment. */
    static final class Check extends Cond {
        final Expr expr;

        Check(int index, String id, Label label, Expr expr) {
            super(index, id, label);
            this.expr = expr;
        }

        @Override
        int compute(Frame f) {
            return expr.tri(f);
        }

        @Override
        void missing(Frame f, MissingSink sink) {
            sink.facts(expr.unk(f));
        }
    }

    /** Shown to the reader, never decides. */
    static final class Info extends Cond {
        Info(int index, String id, Label label) {
            super(index, id, label);
        }

        @Override
        int compute(Frame f) {
            return INFO;
        }

        @Override
        void missing(Frame f, MissingSink sink) {
            // Never undecided.
        }
    }
}

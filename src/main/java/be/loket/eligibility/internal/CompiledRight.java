package be.loket.eligibility.internal;

import be.loket.eligibility.Right;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A right with its rule versions compiled; the version in force on a date decides. */
final class CompiledRight {
    final Right right;
    final List<Version> versions;
    /** Ids of the rights whose outcome this one uses. */
    final Set<String> uses;
    final int outcomeSlot;

    CompiledRight(Right right, List<Version> versions, Set<String> uses, int outcomeSlot) {
        this.right = right;
        this.versions = versions;
        this.uses = uses;
        this.outcomeSlot = outcomeSlot;
    }

    Version at(LocalDate date) {
        for (Version v : versions) {
            if (!v.from.isAfter(date) && (v.until == null || !v.until.isBefore(date))) {
                return v;
            }
        }
        return null;
    }

    /** One version: its condition tree, flattened conditions, amount and the facts and parameters it reads. */
    static final class Version {
        final String id;
        final LocalDate from;
        final LocalDate until;
        final Cond root;
        final Cond[] conditions;
        final Expr amount;
        final String per;
        /** Schema slot and name of each rule-local fact bit. */
        final int[] localSlots;
        final String[] localNames;
        final int[] parameters;

        Version(String id, LocalDate from, LocalDate until, Cond root, Cond[] conditions, Expr amount, String per,
                int[] localSlots, String[] localNames, int[] parameters) {
            this.id = id;
            this.from = from;
            this.until = until;
            this.root = root;
            this.conditions = conditions;
            this.amount = amount;
            this.per = per;
            this.localSlots = localSlots;
            this.localNames = localNames;
            this.parameters = parameters;
        }

        /** Evaluates the condition tree; statuses stay in the frame. Returns TRUE, FALSE or UNKNOWN. */
        int run(Frame f, FactValues v, double[] params) {
            long unknown = 0;
            boolean[] known = v.known;
            for (int i = 0; i < localSlots.length; i++) {
                if (!known[localSlots[i]]) {
                    unknown |= 1L << i;
                }
            }
            f.num = v.num;
            f.obj = v.obj;
            f.unknown = unknown;
            f.params = params;
            f.statusesFor(conditions.length);
            int r = root.eval(f);
            return r == Cond.INFO ? Expr.TRUE : r;
        }
    }
}

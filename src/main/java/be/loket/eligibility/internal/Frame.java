package be.loket.eligibility.internal;

/**
 * The mutable state of one evaluation: the fact values (shared arrays, indexed by schema slot), the
 * rule-local mask of unknown facts and the parameter values in force on the evaluated date. Reused
 * across evaluations by batch and benchmark callers so the hot path allocates nothing.
 */
public final class Frame {
    double[] num;
    Object[] obj;
    long unknown;
    double[] params;
    /** Status per condition of the right being evaluated, indexed by condition number. */
    byte[] statuses = new byte[64];

    public Frame() {
    }

    void statusesFor(int count) {
        if (statuses.length < count) {
            statuses = new byte[count];
        }
    }
}

package be.loket.eligibility.internal;

import java.util.Arrays;

/**
 * The facts of one household, column per slot of the schema: numbers and booleans in {@code num},
 * texts in {@code obj}, and whether each is known. Anything not set is unknown.
 */
public final class FactValues {
    final double[] num;
    final Object[] obj;
    final boolean[] known;

    FactValues(int size) {
        num = new double[size];
        obj = new Object[size];
        known = new boolean[size];
    }

    void setNumber(int slot, double value) {
        num[slot] = value;
        known[slot] = true;
    }

    void setText(int slot, String value) {
        obj[slot] = value;
        known[slot] = true;
    }

    void unset(int slot) {
        known[slot] = false;
    }

    void clear() {
        Arrays.fill(known, false);
    }
}

package be.loket.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Values cut into consecutive pieces, so that each query's IN list stays well below database parameter limits. */
public final class Chunks {
    private Chunks() {
    }

    /** The values in order, in views of at most {@code size} elements (none for no values). */
    public static <T> List<List<T>> of(Collection<T> values, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size " + size);
        }
        List<T> all = values instanceof List<T> list ? list : List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }
}

package be.loket.person;

import java.util.List;

/** Creating would probably register a citizen twice; the caller shows the candidates and may confirm. */
public class LikelyDuplicateException extends RuntimeException {
    private final List<PersonMatch> candidates;

    public LikelyDuplicateException(List<PersonMatch> candidates) {
        super("Likely duplicate of " + candidates.size() + " person(s)");
        this.candidates = List.copyOf(candidates);
    }

    public List<PersonMatch> candidates() {
        return candidates;
    }
}

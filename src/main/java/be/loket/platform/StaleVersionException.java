package be.loket.platform;

/** Someone else changed the record since the user loaded it (optimistic locking). */
public class StaleVersionException extends RuntimeException {
    public StaleVersionException(String what) {
        super(what + " was changed by someone else");
    }
}

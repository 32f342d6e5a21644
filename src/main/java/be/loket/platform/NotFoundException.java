package be.loket.platform;

/**
 * The record does not exist for the acting user. Also thrown when it exists in another tenant or is
 * not shared with the user's organisation, so that its existence is never revealed.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}

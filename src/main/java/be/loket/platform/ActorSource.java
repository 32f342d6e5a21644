package be.loket.platform;

/** Implemented by the security principal so that modules can learn the acting user without depending on identity. */
public interface ActorSource {
    Actor actor();

    /** The UI language an administrator set for this user (nl, fr, en), or null when unknown. */
    default String language() {
        return null;
    }
}

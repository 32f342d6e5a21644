package be.loket.platform;

/** Implemented by the security principal so that modules can learn the acting user without depending on identity. */
public interface ActorSource {
    Actor actor();
}

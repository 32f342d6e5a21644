package be.loket.dossier;

/** INTERNAL stays within the own service (professional secrecy); SHARED is seen by the partners the dossier is shared with. */
public enum Visibility {
    INTERNAL, SHARED
}

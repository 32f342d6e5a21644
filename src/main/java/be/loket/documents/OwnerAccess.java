package be.loket.documents;

/**
 * The calling module's answer to "may the acting user see this owner's documents?". Documents cannot
 * know dossier shares or application rights, so the caller must pass its own check with every read.
 */
@FunctionalInterface
public interface OwnerAccess {
    boolean permits(Owner owner);
}

package be.loket.dossier;

import java.util.UUID;

/** The few facts a page about a dossier shows in its heading; reading it does not count as reading the steps. */
public record DossierHeader(UUID id, UUID personId, String personName, DossierStatus status) {
}

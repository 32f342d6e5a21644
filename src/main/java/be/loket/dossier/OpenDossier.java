package be.loket.dossier;

import java.util.List;
import java.util.UUID;

/** Opening a dossier: for whom, who owns it (empty: on the team lead's unassigned list), from which contact. */
public record OpenDossier(UUID personId, UUID ownerId, UUID contactId, List<String> lifeDomains) {
}

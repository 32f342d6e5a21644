package be.loket.dossier.web;

import be.loket.dossier.DossierSummary;
import be.loket.dossier.Dossiers;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Feeds the dossier fragment on the citizen's page (templates/dossier/panel.html) without touching the person module. */
@Component("dossierPanel")
class DossierPanel {
    private final Dossiers dossiers;

    DossierPanel(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    public List<DossierSummary> of(UUID personId) {
        return dossiers.ofPerson(personId);
    }
}

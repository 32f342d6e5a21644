package be.loket.applications.web;

import be.loket.applications.ApplicationSummary;
import be.loket.applications.Applications;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Feeds the applications fragment on the citizen's page (templates/applications/panel.html) without touching the person module. */
@Component("applicationsPanel")
class ApplicationsPanel {
    private final Applications applications;

    ApplicationsPanel(Applications applications) {
        this.applications = applications;
    }

    public List<ApplicationSummary> of(UUID personId) {
        return applications.ofPerson(personId);
    }
}

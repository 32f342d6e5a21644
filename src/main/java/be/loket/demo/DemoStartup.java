package be.loket.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** In the demo profile: load the demo world on first start and print where to log in and as whom. */
@Component
@Profile("demo")
class DemoStartup {
    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);
    static final String[][] USERS = {
            {"demo-frontdesk", "Demodorp, onthaal"}, {"demo-socialworker", "Demodorp, maatschappelijk werker"},
            {"demo-socialworker-b", "Demodorp, maatschappelijk werker"}, {"demo-specialist", "Demodorp, energie en water"},
            {"demo-teamlead", "Demodorp, diensthoofd"}, {"demo-partner", "Demodorp, partner schuldbemiddeling"},
            {"demo-committee", "Demodorp, lid BCSD"}, {"demo-admin", "Demodorp, beheerder"},
            {"demo-socialworker-v", "Voorbeeldegem, maatschappelijk werker"}};

    private final DemoData data;
    private final DemoCasework casework;
    private final DemoApplications applications;
    private final DemoOutreach outreach;
    private final DemoLetterheads letterheads;
    private final Environment env;

    DemoStartup(DemoData data, DemoCasework casework, DemoApplications applications, DemoOutreach outreach,
            DemoLetterheads letterheads, Environment env) {
        this.letterheads = letterheads;
        this.outreach = outreach;
        this.data = data;
        this.casework = casework;
        this.applications = applications;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (!data.loaded()) {
            data.load();
            casework.load();
            letterheads.load();
        } else {
            log.info("Demo data already present: not loaded again");
        }
        applications.load();
        outreach.load();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder b = new StringBuilder("\n\n  Loket is running: http://localhost:").append(port).append("/\n")
                .append("  Demo users (password \"").append(DemoData.PASSWORD).append("\"):\n");
        for (String[] u : USERS) {
            b.append(String.format("    %-22s %s%n", u[0], u[1]));
        }
        log.info(b.toString());
    }
}

package be.loket.demo;

import be.loket.applications.ApplicationView;
import be.loket.applications.Applications;
import be.loket.applications.Decide;
import be.loket.applications.ProofStatus;
import be.loket.applications.StartApplication;
import be.loket.committee.Committee;
import be.loket.identity.Directory;
import be.loket.identity.Tenant;
import be.loket.platform.SystemActor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rent-allowance applications of Demodorp in each state (draft, waiting for proofs, ready for decision,
 * granted), a planned BCSD session, and the municipality's choice to let the team lead decide the rent
 * allowance without the BCSD (seed 004). Loaded once: nothing happens when Demodorp already has applications.
 */
@Component
class DemoApplications {
    private static final Logger log = LoggerFactory.getLogger(DemoApplications.class);
    /** Fact names are rule vocabulary, not message keys; the prefix keeps the bundle check from reading them as keys. */
    private static final String HOUSEHOLD = "household.";

    private final Directory directory;
    private final Applications applications;
    private final Committee committee;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoApplications(Directory directory, Applications applications, Committee committee, JdbcClient jdbc, TransactionTemplate tx,
            Clock clock) {
        this.directory = directory;
        this.applications = applications;
        this.committee = committee;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    void load() {
        UUID demodorp = directory.tenantByCode("demodorp").map(Tenant::id).orElse(null);
        if (demodorp == null || jdbc.sql("select count(*) from application where tenant_id = ?").param(demodorp).query(Long.class)
                .single() > 0) {
            return;
        }
        tx.executeWithoutResult(status -> SystemActor.runAs(demodorp, "demo-loader", () -> {
            committee.setRoute("huurtoelage", "DELEGATED");
            // Adults of Demodorp far from the showcase citizen, so the demo story of the README stays clean.
            List<UUID> people = jdbc.sql("""
                    select id from person where tenant_id = ? and birth_date < date '1995-01-01' and first_name <> 'Ayşe'
                    order by birth_date limit 4""").param(demodorp).query(UUID.class).list();
            start(people.get(0), false);
            UUID waiting = start(people.get(1), false);
            proofs(waiting, 2);
            applications.changeStatus(waiting, version(waiting), "WAITING_FOR_PROOFS");
            UUID ready = start(people.get(2), true);
            proofs(ready, 4);
            report(ready);
            applications.changeStatus(ready, version(ready), "READY_FOR_DECISION");
            UUID granted = start(people.get(3), true);
            proofs(granted, 4);
            report(granted);
            applications.changeStatus(granted, version(granted), "READY_FOR_DECISION");
            LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
            committee.decideDelegated(granted, version(granted), new Decide("GRANTED", "70.00", month.toString(),
                    month.withMonth(12).withDayOfMonth(31).toString(), null, null, null, null));
            // The next BCSD session, for the other aid the committee still decides (fictitious members).
            committee.planSession(LocalDate.now(clock).plusWeeks(2).toString(),
                    "Marc Dewilde (voorzitter)\nGriet Van Hoorebeke\nAnnelies Verbruggen");
        }));
        log.info("Demo applications loaded for Demodorp");
    }

    private UUID start(UUID person, boolean withFacts) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(HOUSEHOLD + "municipality", "demodorp");
        facts.put(HOUSEHOLD + "isTenant", "true");
        if (withFacts) {
            facts.put(HOUSEHOLD + "monthlyRent", "903.33");
            facts.put(HOUSEHOLD + "incomeLastThreeMonths", "7500");
            facts.put(HOUSEHOLD + "category", "FAMILY");
            facts.put(HOUSEHOLD + "onSocialHousingWaitingList", "true");
            facts.put(HOUSEHOLD + "ownsRealEstate", "false");
            facts.put(HOUSEHOLD + "receivesFlemishRentPremium", "false");
            facts.put(HOUSEHOLD + "receivesFlemishRentSubsidy", "false");
            facts.put("assessment.savingsAcceptable", "true");
        }
        return applications.start(new StartApplication(person, "huurtoelage", facts));
    }

    private void proofs(UUID id, int accept) {
        List<ApplicationView.Proof> proofs = applications.get(id).proofs();
        for (int i = 0; i < accept && i < proofs.size(); i++) {
            if (proofs.get(i).status() != ProofStatus.ACCEPTED) {
                applications.receiveProof(id, version(id), proofs.get(i).id(), null);
                applications.acceptProof(id, version(id), proofs.get(i).id(), null);
            }
        }
    }

    private void report(UUID id) {
        applications.writeReport(id, version(id),
                "Alleenstaande ouder met twee kinderen, huurt privé. De huur weegt zwaar op het gezinsbudget; spaargeld is beperkt.",
                "GRANTED", "70.00", "Toekennen volgens het reglement: huur boven een derde van het inkomen.");
    }

    private long version(UUID id) {
        return jdbc.sql("select version from application where id = ?").param(id).query(Long.class).single();
    }
}

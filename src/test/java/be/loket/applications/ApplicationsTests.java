package be.loket.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.dossier.Dossiers;
import be.loket.dossier.OpenDossier;
import be.loket.eligibility.Outcome;
import be.loket.eligibility.RightResult;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import be.loket.platform.StaleVersionException;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An application's life: checklist from the rule, proof reuse, facts and evaluation, decisions, grant, locking, audit, tenants. */
@LoketTest
class ApplicationsTests extends ApplicationTestBase {
    @Autowired
    Dossiers dossiers;

    @Test
    void checklistComesFromTheRuleAndValidProofsOnFileAreReusedNotAskedAgain() {
        UUID person = fx.freshPerson();
        UUID first = fx.as("demo-socialworker", () -> applications.start(new StartApplication(person, "huurtoelage", null)));
        ApplicationView a = fx.as("demo-socialworker", () -> applications.get(first));
        assertThat(a.status()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(a.proofs()).extracting(ApplicationView.Proof::label).containsExactly("Uw huurcontract",
                "Bewijs van uw inkomen van de laatste drie maanden",
                "Bewijs van inschrijving op de wachtlijst van de sociale huisvestingsmaatschappij",
                "Verklaring op eer over spaargeld en eigendom");
        assertThat(a.proofs()).allMatch(p -> p.status() == ProofStatus.REQUESTED);
        List<UUID> proofs = a.proofs().stream().map(ApplicationView.Proof::id).toList();

        fx.run("demo-socialworker", () -> {
            applications.changeStatus(first, fx.version(first), "WAITING_FOR_PROOFS");
            applications.receiveProof(first, fx.version(first), proofs.get(0), null);
            applications.acceptProof(first, fx.version(first), proofs.get(0), "2031-06-30");
            applications.acceptProof(first, fx.version(first), proofs.get(1), null);
            applications.refuseProof(first, fx.version(first), proofs.get(2), "Inschrijving verlopen in 2024");
            applications.acceptProof(first, fx.version(first), proofs.get(3), null);
            applications.writeReport(first, fx.version(first), "Verslag", "REFUSED", null, "Geen geldige inschrijving");
            applications.changeStatus(first, fx.version(first), "READY_FOR_DECISION");
        });
        ApplicationView checked = fx.as("demo-socialworker", () -> applications.get(first));
        assertThat(checked.proofs().get(0).validUntil()).isEqualTo(LocalDate.of(2031, 6, 30));
        assertThat(checked.proofs().get(1).validUntil()).isAfter(LocalDate.now());
        assertThat(checked.proofs().get(2).refusalReason()).isEqualTo("Inschrijving verlopen in 2024");
        assertThat(checked.hasRefusedProofs()).isTrue();

        // Granting with a refused proof is refused with its own message, and nothing is saved.
        long before = fx.version(first);
        assertThatThrownBy(() -> fx.run("demo-teamlead", () -> applications.decide(first, before,
                new Decide("GRANTED", "70.00", "2026-01-01", "2026-12-31", null, null, null, null))))
                .satisfies(e -> assertThat(violation(e)).isEqualTo("applications.decision.refusedProofs"));
        assertThat(fx.version(first)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from application_decision where application_id = ?").param(first).query(Long.class)
                .single()).isZero();
        fx.run("demo-teamlead", () -> applications.decide(first, before,
                new Decide("REFUSED", null, null, null, "Geen geldige inschrijving op de wachtlijst", null, null, null)));

        // A new application of the same citizen takes over the accepted proofs that are still valid.
        UUID second = fx.as("demo-socialworker", () -> applications.start(new StartApplication(person, "huurtoelage", null)));
        ApplicationView again = fx.as("demo-socialworker", () -> applications.get(second));
        assertThat(again.proofs()).extracting(ApplicationView.Proof::status).containsExactly(ProofStatus.ACCEPTED,
                ProofStatus.ACCEPTED, ProofStatus.REQUESTED, ProofStatus.ACCEPTED);
        assertThat(again.proofs().get(0).reused()).isTrue();
        assertThat(again.proofs().get(0).validUntil()).isEqualTo(LocalDate.of(2031, 6, 30));
        assertThat(again.proofs().get(2).reused()).isFalse();
    }

    @Test
    void factsAreEvaluatedAtDecisionTimeAndAGrantRunsFromTheApplicationMonthToDecember() {
        UUID person = fx.freshPerson();
        UUID dossier = fx.as("demo-socialworker", () -> dossiers.open(new OpenDossier(person,
                DemoRecords.user(jdbc, "demo-socialworker"), null, List.of("HOUSING"))));
        UUID id = fx.readyApplication(person);
        ApplicationView ready = fx.as("demo-teamlead", () -> applications.get(id));
        assertThat(ready.status()).isEqualTo(ApplicationStatus.READY_FOR_DECISION);
        assertThat(ready.dossierId()).isEqualTo(dossier);
        assertThat(ready.facts()).filteredOn(f -> f.name().equals("household.monthlyRent")).singleElement()
                .satisfies(f -> {
                    assertThat(f.value()).isEqualTo("903.33");
                    assertThat(f.source()).isEqualTo(FactSource.RIGHTS_CHECK);
                    assertThat(f.recordedBy()).isEqualTo("demo-socialworker");
                });

        RightResult evaluation = fx.as("demo-teamlead", () -> applications.evaluate(id));
        assertThat(evaluation.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(evaluation.amount().value()).isEqualByComparingTo("70.00");

        // A corrected fact supersedes the old value, which stays in the table.
        fx.run("demo-socialworker", () -> applications.recordFact(id, fx.version(id), "household.monthlyRent", "950", "PROOF"));
        assertThat(fx.as("demo-teamlead", () -> applications.evaluate(id)).amount().value()).isEqualByComparingTo("90.00");
        assertThat(jdbc.sql("select count(*) from application_fact where application_id = ? and name = 'household.monthlyRent'")
                .param(id).query(Long.class).single()).isEqualTo(2);

        Decide proposed = fx.as("demo-teamlead", () -> applications.proposedDecision(id));
        LocalDate month = LocalDate.now().withDayOfMonth(1);
        assertThat(proposed.periodFrom()).isEqualTo(month.toString());
        assertThat(proposed.periodUntil()).isEqualTo(LocalDate.of(month.getYear(), 12, 31).toString());
        fx.run("demo-teamlead", () -> applications.decide(id, fx.version(id), proposed));

        ApplicationView decided = fx.as("demo-teamlead", () -> applications.get(id));
        assertThat(decided.status()).isEqualTo(ApplicationStatus.GRANTED);
        assertThat(decided.decision().monthlyAmount()).isEqualByComparingTo("70.00");
        assertThat(decided.decision().monthlyAmount().scale()).isEqualTo(2);
        assertThat(decided.decision().evaluationOutcome()).isEqualTo("ELIGIBLE");
        assertThat(decided.decision().evaluationAmount()).isEqualByComparingTo("90.00");
        assertThat(decided.decision().ruleVersion()).isEqualTo("huurtoelage@2023-01-01");
        assertThat(decided.grant().periodFrom()).isEqualTo(month);
        assertThat(decided.grant().periodUntil()).isEqualTo(LocalDate.of(month.getYear(), 12, 31));
        assertThat(decided.grant().duties()).containsExactly("Elke maand een bewijs van betaling van de huur");
        assertThat(jdbc.sql("select body from dossier_step where dossier_id = ? and kind = 'DECISION'").param(dossier)
                .query(String.class).list()).containsExactly("Beslissing over Huurtoelage van Demodorp: toegekend, € 70,00 per maand.");
        assertThat(jdbc.sql("select body from dossier_step where dossier_id = ? and kind = 'DOCUMENT'").param(dossier)
                .query(String.class).list()).containsExactly("Aanvraag Huurtoelage van Demodorp gestart. Er lag nog geen geldig bewijsstuk op dossier.");

        // A changed decision is a new version; the first stays, and its grant ends.
        fx.run("demo-teamlead", () -> applications.decide(id, fx.version(id),
                new Decide("GRANTED", "90", proposed.periodFrom(), proposed.periodUntil(), null, null, null, null)));
        ApplicationView changed = fx.as("demo-teamlead", () -> applications.get(id));
        assertThat(changed.decisions()).extracting(ApplicationView.Decision::seq).containsExactly(2, 1);
        assertThat(changed.grant().monthlyAmount()).isEqualByComparingTo("90.00");
        assertThat(jdbc.sql("select status from granted_right where application_id = ? order by created_at").param(id)
                .query(String.class).list()).containsExactlyInAnyOrder("SUPERSEDED", "ACTIVE");
    }

    @Test
    void badInputIsRefusedWithASpecificMessageAndNothingHalfSaved() {
        UUID person = fx.freshPerson();
        assertThatThrownBy(() -> fx.run("demo-socialworker", () -> applications.start(new StartApplication(person, "huurtoelage",
                Map.of("household.monthlyRent", "veel")))))
                .satisfies(e -> assertThat(violation(e)).isEqualTo("applications.fact.invalid.MONEY"));
        assertThatThrownBy(() -> fx.run("demo-socialworker", () -> applications.start(new StartApplication(person, "bestaat-niet", null))))
                .satisfies(e -> assertThat(violation(e)).isEqualTo("applications.right.unknown"));
        assertThat(jdbc.sql("select count(*) from application where person_id = ?").param(person).query(Long.class).single()).isZero();

        UUID id = fx.as("demo-socialworker", () -> applications.start(new StartApplication(person, "huurtoelage", null)));
        assertThatThrownBy(() -> fx.run("demo-socialworker", () -> applications.start(new StartApplication(person, "huurtoelage", null))))
                .satisfies(e -> assertThat(violation(e)).isEqualTo("applications.right.alreadyOpen"));
        UUID proof = fx.as("demo-socialworker", () -> applications.get(id)).proofs().get(0).id();
        long v = fx.version(id);
        assertThatThrownBy(() -> fx.run("demo-socialworker", () -> applications.refuseProof(id, v, proof, " ")))
                .satisfies(e -> assertThat(violation(e)).isEqualTo("validation.required"));
        assertThatThrownBy(() -> fx.run("demo-socialworker", () -> applications.recordFact(id, v, "household.schoenmaat", "42", "CITIZEN")))
                .satisfies(e -> assertThat(violation(e)).isEqualTo("applications.fact.unknown"));
        assertThatThrownBy(() -> fx.run("demo-socialworker", () -> applications.recordFact(id, v, "household.category", "GROOT", "CITIZEN")))
                .satisfies(e -> assertThat(violation(e)).isEqualTo("applications.fact.invalid.CHOICE"));
        assertThatThrownBy(() -> fx.run("demo-socialworker", () -> applications.changeStatus(id, v, "READY_FOR_DECISION")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(f -> f.messageKey())
                        .containsExactly("applications.ready.reportMissing", "applications.ready.proposalMissing",
                                "applications.ready.proofsOpen"));
        assertThatThrownBy(() -> fx.run("demo-teamlead", () -> applications.decide(id, v,
                new Decide("GRANTED", "70", "2026-01-01", "2026-12-31", null, null, null, null))))
                .satisfies(e -> assertThat(violation(e)).isEqualTo("applications.decision.notReady"));
        assertThat(fx.version(id)).isEqualTo(v);
        assertThat(jdbc.sql("select count(*) from application_fact where application_id = ?").param(id).query(Long.class).single())
                .isZero();

        // Optimistic locking: a change made on an old version is refused.
        fx.run("demo-socialworker", () -> applications.recordFact(id, v, "household.isTenant", "true", "CITIZEN"));
        assertThatThrownBy(() -> fx.run("demo-socialworker", () -> applications.recordFact(id, v, "household.isTenant", "false", "CITIZEN")))
                .isInstanceOf(StaleVersionException.class);
        assertThat(fx.as("demo-socialworker", () -> applications.get(id)).facts()).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo("true"));
    }

    @Test
    void everyReadAndWriteIsAuditedAndOtherTenantsAndRolesSeeNothing() {
        UUID person = fx.freshPerson();
        UUID id = fx.as("demo-socialworker", () -> applications.start(new StartApplication(person, "huurtoelage", null)));
        // A file in preparation stays with the workers; the committee sees it once it is ready for decision.
        assertThatThrownBy(() -> fx.as("demo-committee", () -> applications.get(id))).isInstanceOf(NotFoundException.class);
        assertThat(fx.as("demo-committee", () -> applications.ofPerson(person))).isEmpty();
        fx.run("demo-socialworker", () -> {
            for (ApplicationView.Proof p : applications.get(id).proofs()) {
                applications.acceptProof(id, fx.version(id), p.id(), null);
            }
            applications.writeReport(id, fx.version(id), "Verslag", "POSTPONED", null, null);
            applications.changeStatus(id, fx.version(id), "READY_FOR_DECISION");
        });
        fx.as("demo-committee", () -> applications.get(id));
        assertThat(fx.as("demo-committee", () -> applications.ofPerson(person))).hasSize(1);
        fx.as("demo-committee", () -> applications.evaluate(id));
        assertThat(jdbc.sql("select username || ':' || action from audit_event where entity_type = 'APPLICATION' and entity_id = ?")
                .param(id).query(String.class).list()).contains("demo-socialworker:CREATE", "demo-committee:READ");
        assertThat(jdbc.sql("select detail from audit_event where entity_type = 'APPLICATION' and entity_id = ? and username = 'demo-committee'")
                .param(id).query(String.class).list()).contains("evaluation POSSIBLY");
        assertThatThrownBy(() -> fx.as("demo-socialworker-v", () -> applications.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as("demo-partner", () -> applications.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as("demo-frontdesk", () -> applications.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.run("demo-committee", () -> applications.recordFact(id, 0, "household.isTenant", "true", "CITIZEN")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.run("demo-socialworker", () -> applications.decide(id, 0,
                new Decide("REFUSED", null, null, null, "x", null, null, null)))).isInstanceOf(NotFoundException.class);
        assertThat(fx.as("demo-socialworker-v", () -> applications.ofPerson(person))).isEmpty();
    }
}

package be.loket.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.applications.ApplicationStatus;
import be.loket.applications.ApplicationTestBase;
import be.loket.applications.ApplicationView;
import be.loket.applications.Decide;
import be.loket.applications.DecisionOutcome;
import be.loket.eligibility.Outcome;
import be.loket.platform.NotFoundException;
import be.loket.platform.SystemActor;
import be.loket.support.LoketTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Decision routes, delegated decisions, BCSD sessions with agenda, decisions and closing. */
@LoketTest
class CommitteeTests extends ApplicationTestBase {
    @Autowired
    Committee committee;

    static Decide grant(String amount) {
        return new Decide("GRANTED", amount, "2026-11-01", "2026-12-31", null, null, null, null);
    }

    @Test
    void demodorpDelegatesTheRentAllowanceToTheTeamLead() {
        assertThat(fx.as("demo-teamlead", () -> committee.route("huurtoelage"))).isEqualTo(DecisionRoute.DELEGATED);
        UUID id = fx.readyApplication(fx.freshPerson());
        assertThatThrownBy(() -> fx.as("demo-committee", () -> committee.decideDelegated(id, fx.version(id), grant("70.00"))))
                .isInstanceOf(NotFoundException.class);
        fx.as("demo-teamlead", () -> committee.decideDelegated(id, fx.version(id), grant("70.00")));
        ApplicationView a = fx.as("demo-teamlead", () -> applications.get(id));
        assertThat(a.status()).isEqualTo(ApplicationStatus.GRANTED);
        assertThat(a.decision().route()).isEqualTo("DELEGATED");
        assertThat(a.decision().decidedBy()).isEqualTo("demo-teamlead");
    }

    @Test
    void aBcsdSessionDecidesItsAgendaAndRefusesToGrantOnRefusedProofs() {
        UUID ready = fx.readyApplication(fx.freshPerson());
        UUID withRefusedProof = fx.readyApplication(fx.freshPerson());
        fx.run("demo-teamlead", () -> committee.setRoute("huurtoelage", "BCSD"));
        try {
            assertThatThrownBy(() -> fx.as("demo-teamlead", () -> committee.decideDelegated(ready, fx.version(ready), grant("70.00"))))
                    .satisfies(e -> assertThat(violation(e)).isEqualTo("committee.route.bcsdOnly"));

            // A proof turns out to be false after all: refuse it while the file is back with the worker.
            fx.run("demo-socialworker", () -> {
                applications.changeStatus(withRefusedProof, fx.version(withRefusedProof), "WAITING_FOR_PROOFS");
                UUID proof = applications.get(withRefusedProof).proofs().get(1).id();
                applications.refuseProof(withRefusedProof, fx.version(withRefusedProof), proof, "Loonfiches van een andere persoon");
                applications.changeStatus(withRefusedProof, fx.version(withRefusedProof), "READY_FOR_DECISION");
            });

            UUID session = fx.as("demo-committee", () -> committee.planSession(LocalDate.now().plusDays(7).toString(),
                    "Marc Dewilde (voorzitter), Griet Van Hoorebeke, Annelies Verbruggen"));
            int added = fx.as("demo-committee", () -> committee.buildAgenda(session, 0));
            assertThat(added).isGreaterThanOrEqualTo(2);
            // Building again adds nothing: items waiting for a decision are on one agenda only.
            assertThat(fx.as("demo-committee", () -> committee.buildAgenda(session, 1))).isZero();

            SessionView view = fx.as("demo-committee", () -> committee.session(session));
            assertThat(view.members()).containsExactly("Marc Dewilde (voorzitter)", "Griet Van Hoorebeke", "Annelies Verbruggen");
            SessionView.Item item = view.items().stream().filter(i -> i.application().id().equals(ready)).findFirst().orElseThrow();
            assertThat(item.application().report()).isEqualTo("Alleenstaande moeder, huur weegt zwaar door.");
            assertThat(item.application().proposalOutcome()).isEqualTo(DecisionOutcome.GRANTED);
            assertThat(item.evaluation().outcome()).isEqualTo(Outcome.ELIGIBLE);
            assertThat(item.evaluation().amount().value()).isEqualByComparingTo("70.00");
            SessionView.Item refusedItem = view.items().stream().filter(i -> i.application().id().equals(withRefusedProof))
                    .findFirst().orElseThrow();

            fx.as("demo-committee", () -> committee.decideItem(session, item.id(), fx.version(ready), grant("70.00")));
            long before = fx.version(withRefusedProof);
            assertThatThrownBy(() -> fx.as("demo-committee", () -> committee.decideItem(session, refusedItem.id(), before, grant("70.00"))))
                    .satisfies(e -> assertThat(violation(e)).isEqualTo("applications.decision.refusedProofs"));
            assertThat(fx.version(withRefusedProof)).isEqualTo(before);
            assertThatThrownBy(() -> fx.as("demo-committee", () -> committee.decideItem(session, refusedItem.id(), before,
                    new Decide("POSTPONED", null, null, null, null, " ", null, null))))
                    .satisfies(e -> assertThat(violation(e)).isEqualTo("validation.required"));
            fx.as("demo-committee", () -> committee.decideItem(session, refusedItem.id(), before,
                    new Decide("POSTPONED", null, null, null, null, "Loonfiches van de laatste drie maanden", null, null)));

            SessionView after = fx.as("demo-committee", () -> committee.session(session));
            assertThat(after.items()).filteredOn(i -> i.application().id().equals(ready)).singleElement()
                    .satisfies(i -> {
                        assertThat(i.decision().outcome()).isEqualTo(DecisionOutcome.GRANTED);
                        assertThat(i.decision().route()).isEqualTo("BCSD");
                        assertThat(i.decision().sessionId()).isEqualTo(session);
                    });
            assertThat(after.items()).filteredOn(i -> i.application().id().equals(withRefusedProof)).singleElement()
                    .satisfies(i -> assertThat(i.decision().missing()).isEqualTo("Loonfiches van de laatste drie maanden"));

            fx.run("demo-committee", () -> committee.close(session, after.version()));
            assertThatThrownBy(() -> fx.as("demo-committee", () -> committee.decideItem(session, refusedItem.id(),
                    fx.version(withRefusedProof), new Decide("REFUSED", null, null, null, "Geen bewijs", null, null, null))))
                    .satisfies(e -> assertThat(violation(e)).isEqualTo("committee.session.closed"));
            assertThatThrownBy(() -> fx.as("demo-socialworker", () -> committee.session(session))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> fx.as("demo-socialworker-v", () -> committee.session(session))).isInstanceOf(NotFoundException.class);
            // Even a chair of another municipality finds nothing.
            UUID voorbeeldegem = jdbc.sql("select id from tenant where code = 'voorbeeldegem'").query(UUID.class).single();
            assertThatThrownBy(() -> SystemActor.runAs(voorbeeldegem, "chair-elsewhere", () -> committee.session(session)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(SystemActor.runAs(voorbeeldegem, "chair-elsewhere", () -> committee.sessions())).isEmpty();
        } finally {
            fx.run("demo-teamlead", () -> committee.setRoute("huurtoelage", "DELEGATED"));
        }
    }
}

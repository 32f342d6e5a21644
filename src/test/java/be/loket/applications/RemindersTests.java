package be.loket.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.support.LoketTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A missing monthly proof gives exactly one reminder on the preferred channel; the renewal reminder goes out on 1 November. */
@LoketTest
@RecordApplicationEvents
class RemindersTests extends ApplicationTestBase {
    @Autowired
    Reminders reminders;
    @Autowired
    ApplicationEvents events;

    List<String> remindersOf(UUID application) {
        return jdbc.sql("""
                select r.kind || ' ' || r.for_period || ' ' || r.channel from grant_reminder r join granted_right g on g.id = r.grant_id
                where g.application_id = ? order by r.sent_at, r.kind""").param(application).query(String.class).list();
    }

    List<ReminderDue> published(UUID application) {
        return events.stream(ReminderDue.class).filter(r -> r.applicationId().equals(application)).toList();
    }

    @Test
    void aMissingMonthlyProofGivesExactlyOneReminderOnThePreferredChannel() {
        UUID person = fx.freshPerson();
        String channel = jdbc.sql("select preferred_channel from person where id = ?").param(person).query(String.class).single();
        UUID id = fx.readyApplication(person);
        fx.run("demo-teamlead", () -> applications.decide(id, fx.version(id),
                new Decide("GRANTED", "70.00", "2028-01-01", "2028-12-31", null, null, null, null)));
        fx.run("demo-socialworker", () -> applications.recordMonthlyProof(id, fx.version(id), "2028-03", null));
        assertThatThrownBy(() -> fx.run("demo-socialworker", () -> applications.recordMonthlyProof(id, fx.version(id), "2029-01", null)))
                .satisfies(e -> assertThat(violation(e))
                        .isEqualTo("applications.monthlyProof.outsidePeriod"));

        reminders.run(LocalDate.of(2028, 2, 9));
        assertThat(remindersOf(id)).isEmpty();
        reminders.run(LocalDate.of(2028, 2, 10));
        assertThat(remindersOf(id)).containsExactly("MONTHLY_PROOF 2028-02 " + channel);
        // The same day again (another instance) and the next days: still one.
        reminders.run(LocalDate.of(2028, 2, 10));
        reminders.run(LocalDate.of(2028, 2, 11));
        reminders.run(LocalDate.of(2028, 2, 28));
        assertThat(remindersOf(id)).containsExactly("MONTHLY_PROOF 2028-02 " + channel);
        assertThat(published(id)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReminderDue.Kind.MONTHLY_PROOF);
            assertThat(r.channel()).isEqualTo(channel);
            assertThat(r.personId()).isEqualTo(person);
        });
        // March's proof arrived: no reminder for March.
        reminders.run(LocalDate.of(2028, 3, 15));
        assertThat(remindersOf(id)).containsExactly("MONTHLY_PROOF 2028-02 " + channel);
        assertThat(fx.as("demo-socialworker", () -> applications.followUp(id)).monthsWithProof()).containsExactly("2028-03");
    }

    @Test
    void theRenewalReminderGoesOutOnTheConfiguredDateOnceAndTheRenewalReusesFactsAndProofs() {
        UUID id = fx.readyApplication(fx.freshPerson());
        fx.run("demo-teamlead", () -> applications.decide(id, fx.version(id),
                new Decide("GRANTED", "70.00", "2029-01-01", "2029-12-31", null, null, null, null)));
        for (int month = 1; month <= 10; month++) {
            String m = "2029-%02d".formatted(month);
            fx.run("demo-socialworker", () -> applications.recordMonthlyProof(id, fx.version(id), m, null));
        }
        reminders.run(LocalDate.of(2029, 10, 31));
        assertThat(remindersOf(id)).isEmpty();
        reminders.run(LocalDate.of(2029, 11, 1));
        assertThat(remindersOf(id)).singleElement().satisfies(r -> assertThat(r).startsWith("RENEWAL 2029 "));
        reminders.run(LocalDate.of(2029, 11, 2));
        assertThat(remindersOf(id)).singleElement().satisfies(r -> assertThat(r).startsWith("RENEWAL 2029 "));
        assertThat(jdbc.sql("select count(*) from job_claim where job = 'grant-reminders' and run_key = '2029-11-01'")
                .query(Long.class).single()).isPositive();

        // The worker prepares the renewal: facts copied for checking, valid proofs taken over, no second open application.
        UUID renewal = fx.as("demo-socialworker", () -> applications.prepareRenewal(id));
        ApplicationView next = fx.as("demo-socialworker", () -> applications.get(renewal));
        assertThat(next.status()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(next.facts()).isNotEmpty().allMatch(f -> f.source() == FactSource.RENEWAL);
        assertThat(next.proofs()).allMatch(p -> p.status() == ProofStatus.ACCEPTED && p.reused());
        assertThat(fx.as("demo-socialworker", () -> applications.evaluate(renewal)).amount().value()).isEqualByComparingTo("70.00");
        // The renewal follows on the grant it renews: the whole of next year, whatever today's date.
        Decide proposed = fx.as("demo-socialworker", () -> applications.proposedDecision(renewal));
        assertThat(proposed.periodFrom()).isEqualTo("2030-01-01");
        assertThat(proposed.periodUntil()).isEqualTo("2030-12-31");
        assertThatThrownBy(() -> fx.as("demo-socialworker", () -> applications.prepareRenewal(renewal)))
                .satisfies(e -> assertThat(violation(e))
                        .isEqualTo("applications.renewal.notGranted"));
    }
}

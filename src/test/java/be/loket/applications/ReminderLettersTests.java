package be.loket.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reminders reach the citizen as letters on their preferred channel: a missing monthly proof gives
 * exactly one, even when the job runs twice or two instances race; the renewal reminder goes out on
 * the configured date (1 November), not the day before. Dates other tests do not use (2031, 2032),
 * because a job run is claimed once per municipality and day.
 */
@LoketTest
class ReminderLettersTests extends ApplicationTestBase {
    @Autowired
    Reminders reminders;
    @Autowired
    People people;

    UUID citizenByEmail(String first) {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        return SystemActor.runAs(tenant, "reminders-test", () -> people.create(new PersonDetails(first, "Herinnering", null, null,
                "Kerkstraat", "9", null, "9990", "Demodorp", "0470 00 00 09", first.toLowerCase() + "@mail.example", "EMAIL", "en", false,
                null), true));
    }

    UUID granted(UUID person, int year) {
        UUID id = fx.readyApplication(person);
        fx.run("demo-teamlead", () -> applications.decide(id, fx.version(id),
                new Decide("GRANTED", "70.00", year + "-01-01", year + "-12-31", null, null, null, null)));
        return id;
    }

    List<String> letters(UUID person, String code) {
        return jdbc.sql("select channel || ' ' || reference from letter_sent where person_id = ? and code = ? order by sent_at")
                .params(person, code).query(String.class).list();
    }

    UUID grantOf(UUID application) {
        return jdbc.sql("select id from granted_right where application_id = ? and status = 'ACTIVE'").param(application).query(UUID.class)
                .single();
    }

    @Test
    void aMissingMonthlyProofGivesExactlyOneEmailEvenWhenTwoInstancesRaceAndTheJobRunsAgain() throws Exception {
        UUID person = citizenByEmail("Amira");
        UUID id = granted(person, 2031);
        // The decision letter comes first; wait for it so that the counts below are about reminders only.
        await().atMost(Duration.ofSeconds(30)).until(() -> !letters(person, "rent-allowance-granted").isEmpty());

        reminders.run(LocalDate.of(2031, 2, 9));
        assertThat(letters(person, "monthly-proof-reminder")).isEmpty();

        // Two instances run the job of 10 February at the same moment.
        var pool = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) {
            pool.submit(() -> {
                start.await();
                try {
                    return reminders.run(LocalDate.of(2031, 2, 10));
                } catch (RuntimeException lostTheRace) {
                    return 0;
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        reminders.run(LocalDate.of(2031, 2, 10));
        reminders.run(LocalDate.of(2031, 2, 11));

        String expected = "EMAIL reminder:" + grantOf(id) + ":MONTHLY_PROOF:2031-02";
        await().atMost(Duration.ofSeconds(30)).until(() -> !letters(person, "monthly-proof-reminder").isEmpty());
        Thread.sleep(500);
        assertThat(letters(person, "monthly-proof-reminder")).containsExactly(expected);
        assertThat(jdbc.sql("select count(*) from grant_reminder where person_id = ? and kind = 'MONTHLY_PROOF'").param(person)
                .query(Long.class).single()).isOne();
    }

    @Test
    void theRenewalReminderGoesOutOnTheConfiguredDateAndNotTheDayBefore() {
        UUID person = citizenByEmail("Bram");
        UUID id = granted(person, 2032);
        for (int month = 1; month <= 11; month++) {
            String m = "2032-%02d".formatted(month);
            fx.run("demo-socialworker", () -> applications.recordMonthlyProof(id, fx.version(id), m, null));
        }
        reminders.run(LocalDate.of(2032, 10, 31));
        assertThat(letters(person, "renewal-reminder")).isEmpty();
        reminders.run(LocalDate.of(2032, 11, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> !letters(person, "renewal-reminder").isEmpty());
        reminders.run(LocalDate.of(2032, 11, 2));
        assertThat(letters(person, "renewal-reminder")).containsExactly("EMAIL reminder:" + grantOf(id) + ":RENEWAL:2032");
        assertThat(letters(person, "monthly-proof-reminder")).isEmpty();
    }
}

package be.loket.applications;

import static org.awaitility.Awaitility.await;

import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** Applications waiting for proofs, for the tests of the proofs request, its reminder and the "ask again" button. */
abstract class ProofsTestBase extends ApplicationTestBase {
    @Autowired
    People people;

    /** A fresh Demodorp citizen who speaks Dutch and prefers {@code channel}. */
    UUID citizen(String first, String channel, String phone) {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        return SystemActor.runAs(tenant, "proofs-test", () -> people.create(new PersonDetails(first, "Termijn", null, null,
                "Kerkstraat", "11", null, "9990", "Demodorp", phone, first.toLowerCase() + "@mail.example", channel, "nl", false,
                null), true));
    }

    /** A rent-allowance application waiting for proofs, its first proof handed in, the others asked for by letter. */
    UUID waiting(UUID person) {
        UUID id = fx.as("demo-socialworker", () -> {
            UUID started = applications.start(new StartApplication(person, "huurtoelage", ApplicationFixtures.singleMotherFacts()));
            applications.receiveProof(started, fx.version(started), applications.get(started).proofs().get(0).id(), null);
            applications.changeStatus(started, fx.version(started), "WAITING_FOR_PROOFS");
            return started;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !letters(person, "proofs-requested").isEmpty());
        return id;
    }

    /** The citizen's letters with this template, as "channel reference", oldest first. */
    List<String> letters(UUID person, String code) {
        return jdbc.sql("select channel || ' ' || reference from letter_sent where person_id = ? and code = ? order by sent_at")
                .params(person, code).query(String.class).list();
    }
}

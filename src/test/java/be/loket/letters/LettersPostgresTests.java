package be.loket.letters;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.LoketPostgresTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Letter templates, the print queue and the register of letters sent on a real PostgreSQL. */
@LoketPostgresTest
class LettersPostgresTests {
    @Autowired
    LetterTemplates templates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LetterDispatch dispatch;
    @Autowired
    People people;

    @Test
    void templateRevisionsAndTheOutboundTablesWorkOnPostgresql() {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        var current = SystemActor.runAs(tenant, "pg-test", () -> templates.current("proofs-requested", "nl"));
        var saved = SystemActor.runAs(tenant, "pg-test", () -> templates.save("proofs-requested", "nl", current.revision(),
                new TemplateText("Documenten", "Beste {{firstName}},", "Artikel 60.")));
        assertThat(saved.revision()).isEqualTo(current.revision() + 1);
        assertThat(jdbc.sql("select count(*) from letter_print_queue").query(Long.class).single()).isNotNegative();
        assertThat(jdbc.sql("select count(*) from letter_sent").query(Long.class).single()).isNotNegative();
    }

    /** Two instances deliver the same event at once: the unique reference lets one letter out, and both get that letter. */
    @Test
    void twoSendersOfTheSameReferenceSendOneLetterOnPostgresql() throws Exception {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        UUID person = SystemActor.runAs(tenant, "pg-test", () -> people.create(new PersonDetails("Yara", "Referentie", null, null,
                "Kerkstraat", "3", null, "9990", "Demodorp", null, null, "LETTER", "nl", false, null), true));
        Map<String, String> values = Map.of("rightName", "de huurtoelage", "deadline", "15 april 2027", "proofs", "uw huurcontract",
                "portalLink", "de website", "workerName", "Samira", "workerPhone", "09 000 00 00", "workerEmail", "sd@demodorp.example",
                "officeName", "Sociaal Huis Demodorp", "officeAddress", "Marktplein 1, 9990 Demodorp", "officeHours", "elke werkdag");
        String reference = "test:" + UUID.randomUUID();
        var pool = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        List<Future<LetterSent>> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sent.add(pool.submit(() -> {
                start.await();
                return SystemActor.runAs(tenant, "pg-test", () -> dispatch.send(new LetterOrder(person, "proofs-requested", values, null,
                        false, reference)));
            }));
        }
        start.countDown();
        pool.shutdown();
        UUID first = sent.get(0).get().letterId();
        assertThat(sent.get(1).get().letterId()).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from letter_sent where reference = ?").param(reference).query(Long.class).single()).isOne();
    }
}

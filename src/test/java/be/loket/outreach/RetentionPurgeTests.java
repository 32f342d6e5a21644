package be.loket.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.outreach.internal.RetentionPurge;
import be.loket.person.People;
import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Imported partner data is erased once the agreement's retention has passed; the purge is audited and runs once across instances. */
@LoketTest
class RetentionPurgeTests extends WebTestBase {
    @Autowired
    People people;
    @Autowired
    RetentionPurge purge;
    OutreachFixture fx;

    @BeforeEach
    void fixture() {
        fx = new OutreachFixture(mvc, jdbc, users, people);
    }

    @Test
    void purgesDataPastRetentionAndAuditsIt() throws Exception {
        UUID citizen = fx.citizen("Ruben", "Bewaartermijn-Water", "1961-06-06", null, "Beekstraat", "8");
        UUID agreement = fx.agreement("WATER_COMPANY", ListType.WATER_ARREARS);
        byte[] list = ("Klantnummer;Naam;Voornaam;Geboortedatum;Straat;Huisnummer;Postcode;Openstaand bedrag\n"
                + "W-88;Bewaartermijn-Water;Ruben;06/06/1961;Beekstraat;8;9990;\"245,10\"\n").getBytes(StandardCharsets.UTF_8);
        UUID expired = fx.importUpload(fx.upload(agreement, ListType.WATER_ARREARS, "water.csv", list), "ALL");
        assertThat(jdbc.sql("select count(*) from outreach_fact where import_id = ? and person_id = ?").params(expired, citizen)
                .query(Long.class).single()).isEqualTo(1);
        jdbc.sql("update outreach_import set purge_after = ? where id = ?").params(LocalDate.now().minusDays(1), expired).update();
        // This application's own scheduler may hold or just have finished the tenant's run: make it due again until we get it.
        java.util.Optional<RetentionPurge.Purged> purged = java.util.Optional.empty();
        for (int attempt = 0; attempt < 20 && purged.isEmpty(); attempt++) {
            jdbc.sql("update outreach_job set next_run_at = next_run_at - interval '1' day, locked_until = null where tenant_id = ?")
                    .param(fx.tenant()).update();
            purged = purge.runIfDue(fx.tenant());
        }
        assertThat(purged).hasValueSatisfying(p -> assertThat(p.imports()).isGreaterThanOrEqualTo(1));
        assertThat(jdbc.sql("select purged_at from outreach_import where id = ?").param(expired).query(java.time.OffsetDateTime.class)
                .single()).isNotNull();
        for (String table : List.of("outreach_row", "outreach_fact", "outreach_worklist_entry", "outreach_import_error")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where import_id = ?").param(expired).query(Long.class).single())
                    .as(table).isZero();
        }
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'OUTREACH_IMPORT' and entity_id = ? and action = 'DELETE'"
                + " and username = 'system-retention'").param(expired).query(Long.class).single()).isEqualTo(1);
        // Not due again until the next interval.
        assertThat(purge.runIfDue(fx.tenant())).isEmpty();
        // A purged list can be imported again: it is new data under the agreement.
        UUID again = fx.importUpload(fx.upload(agreement, ListType.WATER_ARREARS, "water.csv", list), "ALL");
        assertThat(again).isNotEqualTo(expired);
    }

    @Test
    void onlyOneInstanceClaimsARun() throws Exception {
        UUID tenant = UUID.randomUUID();
        var pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Boolean> claim = () -> {
                    start.await();
                    return purge.claim(tenant);
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : claims) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(purge.claim(tenant)).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }
}

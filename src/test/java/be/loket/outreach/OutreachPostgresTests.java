package be.loket.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.outreach.internal.RetentionPurge;
import be.loket.person.People;
import be.loket.platform.SystemActor;
import be.loket.support.LoketPostgresTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Partner lists on a real PostgreSQL: upload (bytea), import, matching, facts, worklist, duplicate file, purge. */
@LoketPostgresTest
class OutreachPostgresTests {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;
    @Autowired
    PartnerFacts partnerFacts;
    @Autowired
    RetentionPurge purge;

    @Test
    void importsMatchesRecordsFactsAndPurgesOnPostgresql() throws Exception {
        var fx = new OutreachFixture(mvc, jdbc, users, people);
        UUID citizen = fx.citizen("Hanne", "Postgres-Achterstal", "1988-12-01", null, "Veldstraat", "5");
        UUID agreement = fx.agreement("SOCIAL_HOUSING_COMPANY", ListType.RENT_ARREARS);
        byte[] list = ("Naam;Voornaam;Geboortedatum;Straat;Huisnummer;Postcode;Achterstal;Maanden achterstal;Maandhuur\r\n"
                + "Postgres-Achterstal;Hanne;01/12/1988;Veldstraat;5;9990;\"1.020,40\";3;\"580,00\"\r\n"
                + "Postgres-Onbekend;Tom;02/02/1992;Veldstraat;9;9990;\"75\";1;\"480\"\r\n").getBytes(StandardCharsets.ISO_8859_1);
        UUID importId = fx.importUpload(fx.upload(agreement, ListType.RENT_ARREARS, "pg.csv", list), "ALL");
        assertThat(fx.matchStatus(importId, "Postgres-Achterstal")).isEqualTo("MATCHED");
        assertThat(fx.matchStatus(importId, "Postgres-Onbekend")).isEqualTo("UNMATCHED");
        assertThat(jdbc.sql("select count(*) from outreach_worklist_entry where import_id = ?").param(importId).query(Long.class).single())
                .isEqualTo(2);
        var facts = SystemActor.runAs(fx.tenant(), "rights-engine", () -> partnerFacts.latestFor(citizen));
        assertThat(facts.get(FactNames.RENT_ARREARS_AMOUNT).asAmount()).isEqualByComparingTo("1020.40");
        assertThat(fx.importUpload(fx.upload(agreement, ListType.RENT_ARREARS, "pg-again.csv", list), "ALL")).isEqualTo(importId);

        jdbc.sql("update outreach_import set purge_after = ? where id = ?").params(LocalDate.now().minusDays(1), importId).update();
        // Make the tenant's run due even if the scheduler already ran it since startup.
        jdbc.sql("update outreach_job set next_run_at = next_run_at - interval '1 day', locked_until = null where tenant_id = ?")
                .param(fx.tenant()).update();
        assertThat(purge.runIfDue(fx.tenant())).hasValueSatisfying(p -> assertThat(p.rows()).isEqualTo(2));
        assertThat(jdbc.sql("select count(*) from outreach_fact where import_id = ?").param(importId).query(Long.class).single()).isZero();
    }
}

package be.loket.letters;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.LoketPostgresTest;
import java.util.UUID;
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
}

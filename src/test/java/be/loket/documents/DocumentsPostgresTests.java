package be.loket.documents;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.LoketPostgresTest;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Documents on a real PostgreSQL: the portable migration (bytea) and the byte-for-byte round trip. */
@LoketPostgresTest
class DocumentsPostgresTests {
    @Autowired
    Documents documents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aPdfGoesInAndComesBackByteForByteOnPostgresql() throws Exception {
        try (var c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        byte[] pdf = DocumentsTests.pdf();
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        Owner owner = new Owner("APPLICATION", UUID.randomUUID());
        DocumentInfo kept = SystemActor.runAs(tenant, "pg-test", () -> documents.attach(owner, "huurcontract.pdf", pdf));
        Download back = SystemActor.runAs(tenant, "pg-test", () -> documents.open(kept.id(), o -> o.equals(owner)));
        assertThat(back.content()).isEqualTo(pdf);
        assertThat(back.info().contentType()).isEqualTo("application/pdf");
        assertThat(jdbc.sql("select data_type from information_schema.columns where table_name = 'document_content' and column_name = 'content'")
                .query(String.class).single()).isEqualTo("bytea");
    }
}

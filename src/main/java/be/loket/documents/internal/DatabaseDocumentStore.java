package be.loket.documents.internal;

import be.loket.documents.DocumentStore;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default store: bytes in a {@code bytea} column next to the metadata, so that a document and its
 * record are written in one transaction and backed up together. Fine at the 10 MB per file limit.
 */
public class DatabaseDocumentStore implements DocumentStore {
    private final JdbcClient jdbc;

    public DatabaseDocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(UUID tenantId, UUID id, byte[] content) {
        jdbc.sql("insert into document_content (id, tenant_id, content) values (?, ?, ?)").params(id, tenantId, content).update();
    }

    @Override
    public Optional<byte[]> load(UUID tenantId, UUID id) {
        return jdbc.sql("select content from document_content where id = ? and tenant_id = ?").params(id, tenantId)
                .query((rs, row) -> rs.getBytes("content")).optional();
    }

    @Override
    public void delete(UUID tenantId, UUID id) {
        jdbc.sql("delete from document_content where id = ? and tenant_id = ?").params(id, tenantId).update();
    }
}

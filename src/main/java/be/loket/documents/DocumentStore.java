package be.loket.documents;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the bytes of a document live. One small plug-in point: the database implementation is the
 * default; an object store can replace it without other modules noticing. Every call names the tenant
 * so that an implementation can keep municipalities apart (separate buckets, schemas or shards).
 */
public interface DocumentStore {

    void store(UUID tenantId, UUID id, byte[] content);

    Optional<byte[]> load(UUID tenantId, UUID id);

    void delete(UUID tenantId, UUID id);
}

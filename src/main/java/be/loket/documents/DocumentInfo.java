package be.loket.documents;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What is known about a stored document, without its content. The content type was read from the content. */
public record DocumentInfo(UUID id, Owner owner, String fileName, String contentType, long sizeBytes, String sha256,
        OffsetDateTime createdAt, String createdBy) {
}

package be.loket.documents;

/** The outcome of checking a file that was accepted: its type as read from the content, size and checksum. */
public record Inspection(String contentType, long sizeBytes, String sha256) {
}

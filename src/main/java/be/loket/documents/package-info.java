/**
 * Uploaded proofs (photos and PDFs): checked by content rather than by name, limited in size, given a
 * SHA-256 checksum and kept behind the {@link be.loket.documents.DocumentStore} interface (in the
 * database by default). Other modules attach documents to their own records through
 * {@link be.loket.documents.Documents} and must pass their access check to read one back. Every read
 * and write is audited. Uses platform and audit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package be.loket.documents;

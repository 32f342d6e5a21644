/**
 * Append-only trail of every read and write of personal data: who, when, which record, what, and
 * through which channel. Other modules write through {@link be.loket.audit.AuditLog}; team leads and
 * administrators read a record's trail. Uses platform only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package be.loket.audit;

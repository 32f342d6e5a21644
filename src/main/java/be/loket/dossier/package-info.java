/**
 * The shared digital follow-up file of a citizen: one owner, statuses, life domains, a timeline of
 * internal and shared steps, sharing with partner organisations, "my work" and the audit trail.
 * Uses platform, identity (staff, organisations), person (names), intake (the contact a dossier is
 * opened from) and audit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dossier")
package be.loket.dossier;

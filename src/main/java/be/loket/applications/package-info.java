/**
 * Applications for rights: the proofs checklist from the rule (reusing proofs still valid on file),
 * proofs received, accepted or refused, the facts recorded for the decision and evaluated again through
 * eligibility, the social report and proposal, decisions as numbered versions, grants with their period,
 * monthly amount and duties, and the monthly payment list. Publishes {@link be.loket.applications.ApplicationDecided}.
 * Proposes renewals and automatic grants for a worker to confirm ({@link be.loket.applications.GrantProposals}).
 * Uses platform, audit, identity, person (names, households), dossier (steps), documents (proof files),
 * eligibility, and any module offering {@link be.loket.applications.TrustedFacts} (outreach) for automatic granting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package be.loket.applications;

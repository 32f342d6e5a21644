/**
 * Deciding on applications: per right and municipality the decision route (the social committee, BCSD,
 * in a session, or a delegated staff member), committee sessions with their members and an agenda of
 * the applications ready for decision, the decision per item beside the report, proposal and
 * evaluation, and the minutes (also as accessible PDF through letters). Uses platform, audit, identity (the
 * municipality's name), letters (PDF rendering) and applications (never the reverse).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Committee")
package be.loket.committee;

/**
 * Proactive outreach from partner data: data-sharing agreements with partners, importing their lists
 * (housing company waiting list and rent arrears, water company arrears), matching rows to citizens with
 * a review queue, facts with their source for the rights engine, the import as a background job, and the
 * worklists: the rent-arrears contact list and one list per right of the potentially entitled. Uses
 * platform, audit, identity (partners), person (search, create, households), eligibility (the rights
 * engine), applications (active grants) and dossier (current dossier).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach")
package be.loket.outreach;

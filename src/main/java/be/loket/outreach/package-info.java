/**
 * Proactive outreach from partner data: data-sharing agreements with partners, importing their lists
 * (housing company waiting list and rent arrears, water company arrears), matching rows to citizens with
 * a review queue, facts with their source for the rights engine, and the rent-arrears worklist. Uses
 * platform, audit, identity (partners) and person (search, create, households).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach")
package be.loket.outreach;

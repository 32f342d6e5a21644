/**
 * Fictitious demo data for the {@code demo} profile: an association of two municipalities, their sites,
 * services, partners, staff and about 300 citizens in households. Never active in production.
 * Uses identity, person, outreach and letters (the demo letterhead logos).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package be.loket.demo;

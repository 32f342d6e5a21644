/**
 * Who works in Loket: tenants (municipalities and their associations), organisations within a tenant
 * (own services and partners), sites, staff users with their roles, login and lock-out. Uses
 * platform and audit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
package be.loket.identity;

/**
 * Citizens and their households: identity (with the national number, INSZ), address, contact
 * preferences, typo-tolerant search before create, and household membership with history. Every
 * read and write is audited. Uses platform and audit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizens")
package be.loket.person;

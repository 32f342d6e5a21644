/**
 * Letters to citizens in plain language: templates per municipality and language (with shipped
 * defaults), a readability check for authors, rendering to tagged, accessible PDF with the legal
 * provisions on the last page, and the outbound channels (e-mail, SMS, post) behind one small
 * interface. Sends the decision letters and reminders that follow from applications (listening to
 * ApplicationDecided and ReminderDue) and records every letter as a step in the citizen's dossier.
 * Uses platform, audit, person, identity (contact and office), dossier (steps), eligibility (right
 * names, proofs, duties) and applications (the decision).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Letters")
package be.loket.letters;

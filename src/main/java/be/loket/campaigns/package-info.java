/**
 * Outreach campaigns: workers pick people from a worklist and a way to reach each (letter, SMS, e-mail,
 * phone call, home visit), print the letters as one batch, log every contact attempt with its outcome (which
 * also becomes a step in the person's dossier), and see which methods, letter variants, days and time slots
 * work. Uses platform, audit, identity, person, eligibility (right names), dossier, letters and outreach (Worklists).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package be.loket.campaigns;

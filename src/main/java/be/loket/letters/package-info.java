/**
 * Letters to citizens in plain language: templates per municipality and language (with shipped
 * defaults), a readability check for authors, rendering to tagged, accessible PDF with the legal
 * provisions on the last page, and the outbound channels (e-mail, SMS, post) behind one small
 * interface. Uses platform, audit and person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Letters")
package be.loket.letters;

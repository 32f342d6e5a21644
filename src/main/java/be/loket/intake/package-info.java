/**
 * Every contact and question at every door (site, channel, themes, what was done) and the norm that
 * each question is handled within two working days. Uses platform (working-day calendar), identity
 * (sites), person (who asked) and audit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Front desk")
package be.loket.intake;

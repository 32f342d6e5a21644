/**
 * The citizen's side of Loket: a personal link (from a letter or SMS) and a one-time code open a
 * simple, mobile-first portal where citizens see what is asked of them, send proofs, follow their
 * applications, read their letters and keep their contact preferences. Implements
 * {@link be.loket.platform.PortalLinks}. Uses platform, audit, person, applications and letters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen portal")
package be.loket.portal;

package be.loket.portal;

import be.loket.applications.CitizenApplications;
import be.loket.applications.CitizenApplications.CitizenApplication;
import be.loket.letters.SentLetters;
import be.loket.letters.SentLetters.LetterPdf;
import be.loket.letters.SentLetters.SentLetter;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.person.PersonDetails;
import be.loket.platform.SystemActor;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What a logged-in citizen can do, always for themselves only: every call passes the citizen's own
 * person id to the citizen-facing services of applications and letters, which return "not found" for
 * anything else. The person module has no citizen-facing service, so the citizen's own record is read
 * and changed as a system user named after the citizen (see ADR 0601); the audit trail names them.
 */
@Service
public class CitizenPortal {
    private final CitizenApplications applications;
    private final SentLetters letters;
    private final People people;

    CitizenPortal(CitizenApplications applications, SentLetters letters, People people) {
        this.applications = applications;
        this.letters = letters;
        this.people = people;
    }

    /** The contact preferences a citizen may change themselves. */
    public record ContactPreferences(String preferredChannel, String phone, String email, String language) {
    }

    public Person me(CitizenPrincipal c) {
        return asOwnRecord(c, () -> people.get(c.personId()));
    }

    public List<CitizenApplication> applications(CitizenPrincipal c) {
        return c.run(() -> applications.of(c.personId()));
    }

    public UUID uploadProof(CitizenPrincipal c, UUID applicationId, UUID proofId, String fileName, byte[] content) {
        return c.run(() -> applications.uploadProof(c.personId(), applicationId, proofId, fileName, content));
    }

    public List<SentLetter> letters(CitizenPrincipal c) {
        return c.run(() -> letters.of(c.personId()));
    }

    public LetterPdf letter(CitizenPrincipal c, UUID letterId) {
        return c.run(() -> letters.pdf(c.personId(), letterId));
    }

    /** Saves the preferences on the citizen's record; the rest of the record stays as it is. Stale version: conflict. */
    public void changeContact(CitizenPrincipal c, long version, ContactPreferences prefs) {
        asOwnRecord(c, () -> {
            Person p = people.get(c.personId());
            people.update(c.personId(), version, new PersonDetails(p.firstName(), p.lastName(),
                    p.birthDate() == null ? null : p.birthDate().toString(), p.insz(), p.street(), p.houseNumber(), p.box(),
                    p.postalCode(), p.city(), prefs.phone(), prefs.email(), prefs.preferredChannel(), prefs.language(),
                    p.needsInterpreter(), p.interpreterLanguage()));
            return null;
        });
    }

    private static <T> T asOwnRecord(CitizenPrincipal c, java.util.function.Supplier<T> work) {
        return SystemActor.runAs(c.tenantId(), CitizenPrincipal.username(c.personId()), work);
    }
}

package be.loket.portal;

import be.loket.letters.ShortMessages;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.platform.CurrentActor;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A worker sends a citizen their personal link by e-mail or SMS (the same address the login code will
 * go to), e.g. right after starting an application that needs proofs. Only case workers may; a
 * citizen of another municipality is not found.
 */
@Service
public class PortalInvitations {
    private final People people;
    private final PersonalLinks links;
    private final PortalLogin login;
    private final ShortMessages messages;
    private final MessageSource texts;

    PortalInvitations(People people, PersonalLinks links, PortalLogin login, ShortMessages messages, MessageSource texts) {
        this.people = people;
        this.links = links;
        this.login = login;
        this.messages = messages;
        this.texts = texts;
    }

    /** Sends a new link; returns where it went (masked), or null when the record has no phone or e-mail. */
    public PortalLogin.Recipient send(UUID personId) {
        Person p = people.get(personId);
        PortalLogin.Recipient to = login.recipient(p);
        if (to == null) {
            return null;
        }
        String url = links.issue(CurrentActor.get().tenantId(), personId);
        Locale language = Locale.forLanguageTag(p.language() == null ? "nl" : p.language());
        messages.send(CurrentActor.get().tenantId(), to.channel(), p.fullName(), to.address(),
                texts.getMessage("portal.invite.subject", null, language),
                texts.getMessage("portal.invite.text", new Object[] {p.firstName(), url, links.validityDays()}, language));
        return to;
    }
}

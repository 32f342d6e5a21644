package be.loket.campaigns.internal;

import be.loket.eligibility.Eligibility;
import be.loket.eligibility.Right;
import be.loket.identity.Directory;
import be.loket.identity.Organisation;
import be.loket.letters.SenderValues;
import be.loket.outreach.WorklistEntry;
import be.loket.outreach.Worklists;
import be.loket.person.Person;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The placeholder values of the outreach invitation (letter, e-mail, SMS) for one person: the three-valued
 * result in their language ("already meets", "still to check"), whom to call (the intermediary, or the own
 * service) and where to come. Sender and office come from the letters module ({@link SenderValues}), as in
 * every other letter; only the intermediary is the campaign's own. A contact list without conditions gets a
 * general plain-language invitation.
 */
@Component
public class InvitationValues {
    public static final String TEMPLATE = "outreach-invitation";

    /**
     * What every letter of one campaign shares: the worker who started it (the contact), the intermediary to call
     * (null: the own service) and the municipality; the sender's values are looked up once per language.
     */
    public static final class Sender {
        private final String worker;
        private final Organisation intermediary;
        private final String municipality;
        private final Map<String, Map<String, String>> byLanguage = new HashMap<>();
        private final SenderValues values;

        Sender(String worker, Organisation intermediary, String municipality, SenderValues values) {
            this.worker = worker;
            this.intermediary = intermediary;
            this.municipality = municipality;
            this.values = values;
        }

        /** Sender values plus partnerName and partnerPhone: whom to call, the intermediary or else the own office. */
        Map<String, String> in(String language) {
            return byLanguage.computeIfAbsent(language, l -> {
                var v = new HashMap<>(values.of(worker, Locale.forLanguageTag(l)));
                v.put("partnerName", intermediary == null ? v.get("officeName") : intermediary.name());
                v.put("partnerPhone", intermediary == null || intermediary.phone() == null ? v.get("workerPhone") : intermediary.phone());
                return v;
            });
        }
    }

    private final Directory directory;
    private final SenderValues senderValues;
    private final Eligibility eligibility;
    private final MessageSource messages;

    InvitationValues(Directory directory, SenderValues senderValues, Eligibility eligibility, MessageSource messages) {
        this.directory = directory;
        this.senderValues = senderValues;
        this.eligibility = eligibility;
        this.messages = messages;
    }

    public Sender sender(Campaign campaign) {
        Organisation intermediary = campaign.intermediaryId() == null ? null : directory.organisation(campaign.intermediaryId());
        return new Sender(campaign.createdBy(), intermediary, directory.currentTenant().name(), senderValues);
    }

    /** Values for one person; {@code entry} may be null when the worklist row is gone (purged with its list). */
    public Map<String, String> values(Campaign campaign, Sender sender, Person person, WorklistEntry entry) {
        String language = language(person);
        Locale locale = Locale.forLanguageTag(language);
        var values = new HashMap<String, String>();
        values.put("firstName", person.firstName());
        values.put("lastName", person.lastName());
        values.put("rightName", rightName(campaign.worklistKey(), language));
        List<String> meets = entry == null ? List.of() : entry.alreadyMeets();
        List<String> check = entry == null ? List.of() : entry.stillToCheck();
        values.put("alreadyMeets", meets.isEmpty()
                ? messages.getMessage("campaigns.letter.alreadyMeets.default", new Object[] {sender.municipality}, locale)
                : String.join("\n", meets));
        values.put("stillToCheck", check.isEmpty() ? messages.getMessage("campaigns.letter.stillToCheck.default", null, locale)
                : String.join("\n", check));
        values.putAll(sender.in(language));
        return values;
    }

    /** The SMS: who writes, what it is about and whom to call, in the person's language. */
    public String shortText(Campaign campaign, Sender sender, Person person) {
        String language = language(person);
        Map<String, String> from = sender.in(language);
        return messages.getMessage("campaigns.sms.text", new Object[] {person.firstName(), from.get("officeName"),
                rightName(campaign.worklistKey(), language), from.get("partnerName"), from.get("partnerPhone")},
                Locale.forLanguageTag(language));
    }

    static String language(Person person) {
        return person.language() == null ? "nl" : person.language();
    }

    private String rightName(String worklistKey, String language) {
        return eligibility.rights().stream().filter(r -> r.id().equals(worklistKey)).findFirst().map(Right::name)
                .map(n -> n.in(language))
                .orElseGet(() -> messages.getMessage(Worklists.RENT_ARREARS.equals(worklistKey) ? "campaigns.letter.rentHelp"
                        : "campaigns.letter.generalHelp", null, Locale.forLanguageTag(language)));
    }
}

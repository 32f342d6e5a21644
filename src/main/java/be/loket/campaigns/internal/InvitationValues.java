package be.loket.campaigns.internal;

import be.loket.eligibility.Eligibility;
import be.loket.eligibility.Right;
import be.loket.identity.Directory;
import be.loket.identity.Organisation;
import be.loket.identity.OrganisationKind;
import be.loket.identity.Site;
import be.loket.identity.SiteKind;
import be.loket.identity.StaffUser;
import be.loket.outreach.WorklistEntry;
import be.loket.outreach.Worklists;
import be.loket.person.Person;
import be.loket.platform.CurrentActor;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The placeholder values of the outreach invitation (letter, e-mail, SMS) for one person: the three-valued
 * result in their language ("already meets", "still to check"), whom to call (the intermediary, or the own
 * service) and where to come. A contact list without conditions gets a general plain-language invitation.
 */
@Component
public class InvitationValues {
    public static final String TEMPLATE = "outreach-invitation";

    /** What every letter of one campaign shares: sender, office and whom to call. */
    public record Sender(String workerName, String workerPhone, String workerEmail, String officeName, String officeAddress,
            String officeHours, String callName, String callPhone, String municipality) {
    }

    private final Directory directory;
    private final Eligibility eligibility;
    private final MessageSource messages;

    InvitationValues(Directory directory, Eligibility eligibility, MessageSource messages) {
        this.directory = directory;
        this.eligibility = eligibility;
        this.messages = messages;
    }

    public Sender sender(Campaign campaign) {
        var actor = CurrentActor.get();
        List<Organisation> own = directory.organisations().stream().filter(o -> o.kind() == OrganisationKind.OWN_SERVICE).toList();
        Organisation service = own.stream().filter(o -> o.id().equals(actor.organisationId())).findFirst()
                .orElse(own.isEmpty() ? null : own.get(0));
        String phone = service != null && service.phone() != null ? service.phone()
                : own.stream().map(Organisation::phone).filter(Objects::nonNull).findFirst().orElse(null);
        String email = service != null && service.email() != null ? service.email()
                : own.stream().map(Organisation::email).filter(Objects::nonNull).findFirst().orElse(null);
        Site office = directory.sites().stream().filter(Site::active)
                .min(Comparator.comparing((Site s) -> s.kind() != SiteKind.MAIN_OFFICE)).orElse(null);
        String worker = directory.users().stream().filter(u -> u.username().equals(campaign.createdBy())).map(StaffUser::displayName)
                .findFirst().orElse(campaign.createdBy());
        String officeName = office == null ? (service == null ? null : service.name()) : office.name();
        String officeAddress = office == null ? null : office.street() + ", " + office.postalCode() + " " + office.city();
        String callName = officeName;
        String callPhone = phone;
        if (campaign.intermediaryId() != null) {
            Organisation partner = directory.organisation(campaign.intermediaryId());
            callName = partner.name();
            callPhone = partner.phone() == null ? phone : partner.phone();
        }
        return new Sender(worker, phone, email, officeName, officeAddress, office == null ? null : office.openingHours(), callName,
                callPhone, directory.currentTenant().name());
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
                ? messages.getMessage("campaigns.letter.alreadyMeets.default", new Object[] {sender.municipality()}, locale)
                : String.join("\n", meets));
        values.put("stillToCheck", check.isEmpty() ? messages.getMessage("campaigns.letter.stillToCheck.default", null, locale)
                : String.join("\n", check));
        values.put("workerName", sender.workerName());
        values.put("workerPhone", sender.workerPhone());
        values.put("workerEmail", sender.workerEmail());
        values.put("officeName", sender.officeName());
        values.put("officeAddress", sender.officeAddress());
        values.put("officeHours", sender.officeHours());
        values.put("partnerName", sender.callName());
        values.put("partnerPhone", sender.callPhone());
        return values;
    }

    /** The SMS: who writes, what it is about and whom to call, in the person's language. */
    public String shortText(Campaign campaign, Sender sender, Person person) {
        String language = language(person);
        return messages.getMessage("campaigns.sms.text", new Object[] {person.firstName(), sender.officeName(),
                rightName(campaign.worklistKey(), language), sender.callName(), sender.callPhone()}, Locale.forLanguageTag(language));
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

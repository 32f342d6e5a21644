package be.loket.letters;

import be.loket.identity.Directory;
import be.loket.identity.Organisation;
import be.loket.identity.OrganisationType;
import be.loket.identity.Site;
import be.loket.identity.SiteKind;
import be.loket.identity.StaffUser;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The sender's placeholder values every letter of the current municipality shares: who to contact (the
 * worker, else their service) with e-mail and phone, and the office with address and opening hours. What is
 * unknown is named in words in the letter's language ("the number of the front desk"), so a letter never
 * shows an empty line. For the letters module's own letters and for other modules' letters (campaigns).
 */
@Component
public class SenderValues {
    private final Directory directory;
    private final MessageSource messages;

    SenderValues(Directory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    /**
     * workerName, workerEmail, workerPhone, officeName, officeAddress and officeHours; {@code worker} is a
     * username or null (then the service is the contact).
     */
    public Map<String, String> of(String worker, Locale locale) {
        Map<String, String> v = new HashMap<>();
        List<Organisation> organisations = directory.organisations();
        StaffUser user = worker == null ? null
                : directory.users().stream().filter(u -> u.username().equals(worker) && u.enabled()).findFirst().orElse(null);
        Organisation service = organisations.stream()
                .filter(o -> user != null ? o.id().equals(user.organisationId()) : o.type() == OrganisationType.SOCIAL_SERVICE)
                .findFirst().or(() -> organisations.stream().filter(o -> o.type() == OrganisationType.SOCIAL_SERVICE).findFirst())
                .orElse(null);
        String serviceName = service == null ? text("letters.value.service", locale) : service.name();
        v.put("workerName", user != null ? user.displayName() : serviceName);
        v.put("workerEmail", user != null && notBlank(user.email()) ? user.email()
                : service != null && notBlank(service.email()) ? service.email() : text("letters.value.noEmail", locale));
        v.put("workerPhone", service != null && notBlank(service.phone()) ? service.phone() : text("letters.value.noPhone", locale));
        Site office = directory.sites().stream().filter(Site::active)
                .min(Comparator.comparing((Site s) -> s.kind() != SiteKind.MAIN_OFFICE)).orElse(null);
        v.put("officeName", office == null ? serviceName : office.name());
        v.put("officeAddress", office == null ? text("letters.value.noAddress", locale) : address(office));
        v.put("officeHours", office == null || !notBlank(office.openingHours()) ? text("letters.value.noHours", locale)
                : office.openingHours());
        return v;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String address(Site s) {
        String street = s.street() == null ? "" : s.street();
        String town = ((s.postalCode() == null ? "" : s.postalCode() + " ") + (s.city() == null ? "" : s.city())).strip();
        return street.isEmpty() ? town : town.isEmpty() ? street : street + ", " + town;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}

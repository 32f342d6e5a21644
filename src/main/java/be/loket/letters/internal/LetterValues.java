package be.loket.letters.internal;

import be.loket.letters.SenderValues;
import be.loket.platform.PortalLinks;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The values every letter to a citizen shares: who to contact (the worker, else their service), the
 * office with address and opening hours, and the personal portal link. The portal module may be absent
 * (or fail): then the letter names the website in words and no SMS goes out, since an SMS without a
 * link says nothing the citizen can act on. Runs as the acting (system) user of the letter's tenant.
 */
@Component
public class LetterValues {
    private static final Logger LOG = LoggerFactory.getLogger(LetterValues.class);

    private final SenderValues sender;
    private final ObjectProvider<PortalLinks> portalLinks;
    private final MessageSource messages;

    LetterValues(SenderValues sender, ObjectProvider<PortalLinks> portalLinks, MessageSource messages) {
        this.sender = sender;
        this.portalLinks = portalLinks;
        this.messages = messages;
    }

    /** Contact, office and portal values for a letter to this citizen in their language; {@code worker} is a username or null. */
    public Map<String, String> common(UUID tenantId, UUID personId, String worker, Locale locale) {
        Map<String, String> v = new HashMap<>(sender.of(worker, locale));
        String link = portalLink(tenantId, personId);
        v.put("portalLink", link == null ? text("letters.value.portalFallback", locale) : link);
        if (link != null) {
            v.put(PORTAL_LINK_ISSUED, link);
        }
        return v;
    }

    /** Key under which {@link #common} leaves the real link, only when one was issued (it is not a placeholder). */
    public static final String PORTAL_LINK_ISSUED = "_portalLinkIssued";

    /** The issued portal link, or null when the portal is not there or failed. */
    private String portalLink(UUID tenantId, UUID personId) {
        PortalLinks links = portalLinks.getIfAvailable();
        if (links == null) {
            return null;
        }
        try {
            String link = links.issue(tenantId, personId);
            return notBlank(link) ? link : null;
        } catch (RuntimeException e) {
            // A letter must not fail for want of a link: it names the website instead.
            LOG.warn("No portal link for a letter ({}); the letter names the website", e.getClass().getSimpleName());
            return null;
        }
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** "€ 70,00" / "70,00 €" / "€70.00", as the citizen writes money. */
    public static String money(BigDecimal amount, Locale locale) {
        Locale l = locale.getLanguage().equals("en") ? Locale.forLanguageTag("en-IE") : Locale.forLanguageTag(locale.getLanguage() + "-BE");
        NumberFormat f = NumberFormat.getCurrencyInstance(l);
        f.setCurrency(java.util.Currency.getInstance("EUR"));
        return f.format(amount).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** "1 januari 2027": the date as the citizen writes it. */
    public static String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}

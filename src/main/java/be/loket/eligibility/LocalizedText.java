package be.loket.eligibility;

import java.util.Locale;

/** A text in the three languages of Loket; Dutch is the fallback. */
public record LocalizedText(String nl, String fr, String en) {

    public String in(Locale locale) {
        String lang = locale == null ? "nl" : locale.getLanguage();
        if ("fr".equals(lang)) {
            return fr;
        }
        if ("en".equals(lang)) {
            return en;
        }
        return nl;
    }

    public String in(String language) {
        return in(Locale.forLanguageTag(language == null ? "nl" : language));
    }
}

package be.loket.letters;

import java.time.OffsetDateTime;

/** The current text of a template in one language; revision 0 is the shipped default, never saved by the tenant. */
public record LetterTemplate(String code, String language, int revision, TemplateText text, OffsetDateTime savedAt,
        String savedBy) {
    public boolean isShippedDefault() {
        return revision == 0;
    }
}

package be.loket.letters;

import be.loket.letters.internal.PdfRenderer;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Other documents than letters (committee minutes, lists) as accessible PDF with the letters' renderer:
 * a Thymeleaf XHTML template of the calling module, tagged (PDF/UA), DejaVu Sans embedded. The caller
 * checks who may read the document and audits it.
 */
@Service
public class PdfDocuments {
    private final ITemplateEngine thymeleaf;
    private final PdfRenderer pdf;

    PdfDocuments(ITemplateEngine thymeleaf, PdfRenderer pdf) {
        this.thymeleaf = thymeleaf;
        this.pdf = pdf;
    }

    /** Renders {@code template} (e.g. "committee/pdf/minutes") with the model; messages in {@code locale}. */
    public byte[] render(String template, Map<String, Object> model, Locale locale) {
        return pdf.render(thymeleaf.process(template, new Context(locale, model)));
    }
}

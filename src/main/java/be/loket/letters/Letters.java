package be.loket.letters;

import be.loket.identity.Directory;
import be.loket.identity.Tenant;
import be.loket.letters.internal.LetterMarkup;
import be.loket.letters.internal.Placeholders;
import be.loket.letters.internal.PdfRenderer;
import be.loket.platform.CurrentActor;
import be.loket.platform.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders letters to accessible PDF: the municipality's template in the letter's language, the
 * placeholders filled in (escaped), the legal provisions and right of appeal on a page of their own at
 * the end, the "personal, closed envelope" mark when asked, and the municipality's logo in the letterhead
 * unless the plain letterhead is asked for.
 */
@Service
public class Letters {
    private final LetterTemplates templates;
    private final ITemplateEngine thymeleaf;
    private final PdfRenderer pdf;
    private final Clock clock;
    private final Letterheads letterheads;
    private final Directory directory;

    Letters(LetterTemplates templates, ITemplateEngine thymeleaf, PdfRenderer pdf, Clock clock, Letterheads letterheads,
            Directory directory) {
        this.letterheads = letterheads;
        this.directory = directory;
        this.templates = templates;
        this.thymeleaf = thymeleaf;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** A real letter: every placeholder the template uses must have a value, or nothing is rendered. */
    public RenderedLetter render(LetterRequest request) {
        LetterTemplate template = templates.current(request.code(), request.language());
        Map<String, String> values = withToday(request.values(), request.language());
        var v = new Validation();
        for (String name : used(template.text())) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                v.add("values", "letters.placeholder.noValue", "{{" + name + "}}");
            }
        }
        v.throwIfInvalid();
        return render(template.text(), request.language(), values::get, request.recipientName(), request.recipientAddress(),
                request.closedEnvelope(), request.letterhead());
    }

    /** The author's unsaved text with each placeholder shown as [name], so the layout can be checked before saving. */
    public RenderedLetter preview(String code, String language, TemplateText text, boolean closedEnvelope) {
        templates.current(code, language);
        LetterTemplates.validate(text);
        return render(text, language, name -> "[" + name + "]", "[firstName] [lastName]", List.of("[officeAddress]"), closedEnvelope,
                Letterhead.LOGO);
    }

    private RenderedLetter render(TemplateText text, String language, Function<String, String> fill, String recipientName,
            List<String> recipientAddress, boolean closedEnvelope, Letterhead letterhead) {
        Locale locale = Locale.forLanguageTag(language);
        String subject = Placeholders.fill(text.subject(), fill);
        var model = new HashMap<String, Object>();
        model.put("lang", language);
        model.put("subject", subject);
        model.put("bodyHtml", LetterMarkup.toXhtml(text.body(), fill));
        model.put("legalHtml", LetterMarkup.toXhtml(text.legal(), fill));
        // The sending service heads the letter, so the citizen sees at once who writes (seed 004: personal, direct contact).
        model.put("sender", fill.apply("officeName"));
        model.put("recipientName", recipientName);
        model.put("recipientAddress", recipientAddress == null ? List.of() : recipientAddress);
        model.put("closedEnvelope", closedEnvelope);
        model.put("date", today(language));
        if (letterhead == Letterhead.LOGO) {
            letterheads.logoOf(CurrentActor.get().tenantId()).ifPresent(logo -> {
                model.put("logo", logo.dataUri());
                // The municipality's name is the logo's alternative text, so the tagged PDF says who writes.
                model.put("logoAlt", directory.tenant(CurrentActor.get().tenantId()).map(Tenant::name).orElse(""));
            });
        }
        String xhtml = thymeleaf.process("letters/pdf/letter", new Context(locale, model));
        return new RenderedLetter(subject, language, pdf.render(xhtml));
    }

    private Map<String, String> withToday(Map<String, String> values, String language) {
        var all = new HashMap<String, String>(values == null ? Map.of() : values);
        all.putIfAbsent("today", today(language));
        return all;
    }

    /** "23 november 2026", "23 novembre 2026", "November 23, 2026": the date as the citizen writes it. */
    private String today(String language) {
        return LocalDate.now(clock).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)));
    }

    private static Set<String> used(TemplateText t) {
        Set<String> names = new LinkedHashSet<>(Placeholders.used(t.subject()));
        names.addAll(Placeholders.used(t.body()));
        names.addAll(Placeholders.used(t.legal()));
        return names;
    }
}

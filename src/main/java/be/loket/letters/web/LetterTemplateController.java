package be.loket.letters.web;

import be.loket.letters.LetterTemplate;
import be.loket.letters.LetterTemplates;
import be.loket.letters.Letters;
import be.loket.letters.ReadabilityWarning;
import be.loket.letters.RenderedLetter;
import be.loket.letters.TemplateText;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import be.loket.platform.StaleVersionException;
import be.loket.platform.web.FormErrors;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's pages for the municipality's letter templates (/admin is ADMIN only). */
@Controller
@RequestMapping("/admin/letters")
class LetterTemplateController {
    private final LetterTemplates templates;
    private final Letters letters;
    private final MessageSource messages;

    LetterTemplateController(LetterTemplates templates, Letters letters, MessageSource messages) {
        this.templates = templates;
        this.letters = letters;
        this.messages = messages;
    }

    /** The form; the revision the author started from travels along, so a concurrent save is noticed. */
    public static class TemplateForm {
        private String subject;
        private String body;
        private String legal;
        private int revision;
        private boolean closedEnvelope;

        static TemplateForm of(LetterTemplate t) {
            var f = new TemplateForm();
            f.subject = t.text().subject();
            f.body = t.text().body();
            f.legal = t.text().legal();
            f.revision = t.revision();
            return f;
        }

        TemplateText text() {
            return new TemplateText(subject, body, legal);
        }

        public String getSubject() { return subject; }
        public void setSubject(String v) { subject = v; }
        public String getBody() { return body; }
        public void setBody(String v) { body = v; }
        public String getLegal() { return legal; }
        public void setLegal(String v) { legal = v; }
        public int getRevision() { return revision; }
        public void setRevision(int v) { revision = v; }
        public boolean isClosedEnvelope() { return closedEnvelope; }
        public void setClosedEnvelope(boolean v) { closedEnvelope = v; }
    }

    @GetMapping
    String list(@RequestParam(required = false) String language, Model model) {
        String lang = language != null && LetterTemplates.LANGUAGES.contains(language) ? language : LocaleContextHolder.getLocale().getLanguage();
        lang = LetterTemplates.LANGUAGES.contains(lang) ? lang : "nl";
        model.addAttribute("language", lang);
        model.addAttribute("languages", LetterTemplates.LANGUAGES);
        model.addAttribute("templates", templates.all(lang));
        return "letters/templates";
    }

    @GetMapping("/{code}/{language}")
    String edit(@PathVariable String code, @PathVariable String language, Model model) {
        LetterTemplate t = templates.current(code, language);
        return form(code, language, TemplateForm.of(t), t, templates.check(t.text(), language), model);
    }

    @PostMapping("/{code}/{language}")
    String save(@PathVariable String code, @PathVariable String language, @ModelAttribute("form") TemplateForm form,
            BindingResult binding, Model model, RedirectAttributes flash) {
        LetterTemplate current = templates.current(code, language);
        try {
            var saved = templates.save(code, language, form.getRevision(), form.text());
            flash.addFlashAttribute("saved", true);
            flash.addFlashAttribute("savedWarnings", saved.warnings().size());
            return "redirect:/admin/letters/" + code + "/" + language;
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
        } catch (StaleVersionException e) {
            binding.reject("problem.conflict");
        }
        return form(code, language, form, current, List.of(), model);
    }

    /** Shows the readability advice for the text as it stands in the form, without saving. */
    @PostMapping("/{code}/{language}/check")
    String check(@PathVariable String code, @PathVariable String language, @ModelAttribute("form") TemplateForm form,
            BindingResult binding, Model model) {
        LetterTemplate current = templates.current(code, language);
        model.addAttribute("checked", true);
        return form(code, language, form, current, templates.check(form.text(), language), model);
    }

    /** The text in the form as a PDF, placeholders shown as [name]; an invalid text shows the form with its errors. */
    @PostMapping("/{code}/{language}/preview")
    Object preview(@PathVariable String code, @PathVariable String language, @ModelAttribute("form") TemplateForm form,
            BindingResult binding, Model model) {
        LetterTemplate current = templates.current(code, language);
        try {
            RenderedLetter pdf = letters.preview(code, language, form.text(), form.isClosedEnvelope());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(code + "-" + language + ".pdf").build().toString())
                    .body(pdf.pdf());
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
            return form(code, language, form, current, List.of(), model);
        }
    }

    private String form(String code, String language, TemplateForm form, LetterTemplate current, List<ReadabilityWarning> warnings,
            Model model) {
        if (!LetterTemplates.LANGUAGES.contains(language)) {
            throw new NotFoundException("Letter template");
        }
        Locale ui = LocaleContextHolder.getLocale();
        model.addAttribute("code", code);
        model.addAttribute("language", language);
        model.addAttribute("form", form);
        model.addAttribute("current", current);
        model.addAttribute("warnings", warnings.stream()
                .map(w -> messages.getMessage("letters.part." + w.part(), null, ui) + ": "
                        + messages.getMessage(w.messageKey(), w.args().toArray(), ui))
                .toList());
        model.addAttribute("placeholders", templates.placeholders().stream().map(p -> "{{" + p + "}}").toList());
        return "letters/template-form";
    }
}

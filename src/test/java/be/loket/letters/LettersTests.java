package be.loket.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.platform.InvalidInputException;
import be.loket.platform.StaleVersionException;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import be.loket.support.LoketTest;

/**
 * Rendering runs in Voorbeeldegem, whose templates no test changes; saving runs in Demodorp on
 * proofs-requested/en only, which no other test renders. Letters come out as tagged PDF in the citizen's language, with embedded fonts and the legal text on
 * the last page; templates with an unknown placeholder are refused naming it, and authors are warned
 * about long sentences and jargon.
 */
@LoketTest
class LettersTests {
    private static final Logger LOG = LoggerFactory.getLogger(LettersTests.class);

    @Autowired
    Letters letters;
    @Autowired
    LetterTemplates templates;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;

    <T> T as(String tenantCode, Supplier<T> work) {
        return SystemActor.runAs(DemoRecords.tenant(jdbc, tenantCode), "letters-test", work);
    }

    static Map<String, String> values() {
        var v = new HashMap<String, String>();
        v.put("firstName", "Mira");
        v.put("amount", "€ 70,00");
        v.put("periodStart", "1 maart 2026");
        v.put("periodEnd", "31 december 2026");
        v.put("portalLink", "https://loket.demodorp.example/p/abc");
        v.put("workerName", "Samira Bouhaddi");
        v.put("workerPhone", "09 000 00 00");
        v.put("workerEmail", "sociale.dienst@demodorp.example");
        v.put("officeName", "Sociaal Huis Demodorp");
        v.put("officeAddress", "Marktplein 1, 9990 Demodorp");
        v.put("officeHours", "maandag tot vrijdag van 9 tot 12 uur");
        v.put("decisionDate", "12 maart 2026");
        return v;
    }

    static LetterRequest granted(String language, boolean closedEnvelope) {
        return new LetterRequest("rent-allowance-granted", language, values(), "Mira Voorbeeld",
                List.of("Kerkstraat 5", "9990 Demodorp"), closedEnvelope);
    }

    static String text(PDDocument pdf, int from, int to) throws IOException {
        var stripper = new PDFTextStripper();
        // Visual order: bold runs are separate text objects and would otherwise come out of place.
        stripper.setSortByPosition(true);
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(pdf).replaceAll("\\s+", " ");
    }

    @Test
    void theLetterIsATaggedPdfInTheCitizensLanguageWithEmbeddedFontsAndTheLegalTextOnTheLastPage() throws Exception {
        RenderedLetter letter = as("voorbeeldegem", () -> letters.render(granted("nl", false)));
        assertThat(letter.subject()).isEqualTo("Goed nieuws: u krijgt een huurtoelage");
        // Kept for a look by eye or with pdfinfo/veraPDF; target/ is never committed.
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/letters"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/letters/rent-allowance-granted.nl.pdf"), letter.pdf());
        try (PDDocument pdf = Loader.loadPDF(letter.pdf())) {
            var catalog = pdf.getDocumentCatalog();
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).as("Tagged: yes").isTrue();
            assertThat(catalog.getStructureTreeRoot()).isNotNull();
            assertThat(catalog.getLanguage()).isEqualTo("nl");
            // PDF/UA-1 identification and "show the title, not the file name" (PDF/UA requirement 7.1).
            assertThat(new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<pdfuaid:part>1</pdfuaid:part>");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Goed nieuws: u krijgt een huurtoelage");
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            List<String> notEmbedded = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded()) {
                        notEmbedded.add(font.getName());
                    }
                }
            }
            assertThat(notEmbedded).isEmpty();
            String first = text(pdf, 1, 1);
            assertThat(first).contains("Sociaal Huis Demodorp Mira Voorbeeld Kerkstraat 5 9990 Demodorp")
                    .contains("Stuur ons elke maand een bewijs dat u de huur betaald hebt.")
                    .contains("Beste Mira,").contains("U krijgt een huurtoelage van € 70,00 per maand.")
                    .doesNotContain("Persoonlijk en vertrouwelijk").doesNotContain("arbeidsrechtbank");
            String last = text(pdf, pages, pages);
            assertThat(last).contains("Wettelijke bepalingen en beroep").contains("arbeidsrechtbank")
                    .contains("artikel 71 van de organieke wet van 8 juli 1976");
        }
    }

    @Test
    void theClosedEnvelopeMarkIsOnTheFirstPageInTheLettersLanguage() throws Exception {
        RenderedLetter letter = as("voorbeeldegem", () -> letters.render(granted("fr", true)));
        try (PDDocument pdf = Loader.loadPDF(letter.pdf())) {
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("fr");
            assertThat(text(pdf, 1, 1)).contains("Sociaal Huis Demodorp Personnel et confidentiel. Envoyé sous enveloppe fermée. Mira Voorbeeld")
                    .contains("Bonjour Mira,");
            assertThat(text(pdf, pdf.getNumberOfPages(), pdf.getNumberOfPages())).contains("tribunal du travail");
        }
    }

    @Test
    void valuesAreTextNeverMarkupAndAMissingValueIsRefusedByName() throws Exception {
        var values = values();
        values.put("firstName", "<b>Ann</b> & \"Co\"");
        RenderedLetter letter = as("voorbeeldegem", () -> letters.render(new LetterRequest("rent-allowance-granted", "en", values,
                "Ann", List.of(), false)));
        try (PDDocument pdf = Loader.loadPDF(letter.pdf())) {
            assertThat(text(pdf, 1, 1)).contains("Dear <b>Ann</b> & \"Co\",");
        }
        values.remove("decisionDate");
        assertThatThrownBy(() -> as("voorbeeldegem", () -> letters.render(new LetterRequest("rent-allowance-granted", "en", values,
                "Ann", List.of(), false))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(message(e, "en"))
                        .isEqualTo("The letter cannot be made: there is no value for {{decisionDate}}."));
    }

    @Test
    void everyShippedTemplateExistsInEveryLanguageAndPassesItsOwnReadabilityCheck() {
        for (String lang : LetterTemplates.LANGUAGES) {
            List<LetterTemplate> all = as("voorbeeldegem", () -> templates.all(lang));
            assertThat(all).hasSize(templates.codes().size());
            for (LetterTemplate t : all) {
                assertThat(templates.check(t.text(), lang)).as("%s in %s", t.code(), lang).isEmpty();
                LetterTemplates.validate(t.text());
            }
        }
    }

    @Test
    void everyShippedTemplateRendersWithItsLegalPartOnTheLastPage() throws Exception {
        var all = new HashMap<String, String>();
        templates.placeholders().forEach(p -> all.put(p, "x" + p));
        for (String lang : LetterTemplates.LANGUAGES) {
            String heading = messages.getMessage("letters.pdf.legalHeading", null, Locale.forLanguageTag(lang));
            for (String code : templates.codes()) {
                RenderedLetter letter = as("voorbeeldegem", () -> letters.render(new LetterRequest(code, lang, all, "Mira Voorbeeld",
                        List.of("Kerkstraat 5", "9990 Voorbeeldegem"), false)));
                try (PDDocument pdf = Loader.loadPDF(letter.pdf())) {
                    int pages = pdf.getNumberOfPages();
                    assertThat(text(pdf, pages, pages)).as("%s in %s", code, lang).contains(heading);
                    assertThat(text(pdf, 1, pages - 1)).as("%s in %s", code, lang).doesNotContain(heading).contains("xfirstName");
                }
            }
        }
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingItAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from letter_template").query(Long.class).single();
        var text = new TemplateText("Uw aanvraag", "Beste {{firstName}},\n\nWe storten het bedrag op {{iban}}.", "Artikel 71.");
        assertThatThrownBy(() -> as("demodorp", () -> templates.save("proofs-requested", "nl", 0, text)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("body"));
                    assertThat(message(e, "nl")).isEqualTo("Onbekende invulplaats {{iban}}. Gebruik alleen deze: "
                            + String.join(", ", templates.placeholders()) + ".");
                });
        var single = new TemplateText("Uw aanvraag", "Beste {firstName},", "Artikel 71.");
        assertThatThrownBy(() -> as("demodorp", () -> templates.save("proofs-requested", "nl", 0, single)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(message(e, "fr"))
                        .isEqualTo("Un champ à remplir est mal écrit. Écrivez-le entre doubles accolades, par exemple {{firstName}}."));
        assertThat(jdbc.sql("select count(*) from letter_template").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void savingAddsARevisionForThisMunicipalityOnlyAndWarnsAboutLongSentencesAndJargon() {
        LetterTemplate shipped = as("demodorp", () -> templates.current("proofs-requested", "en"));
        String body = shipped.text().body() + "\n\nHerewith we ask you to send the documents that we need for the"
                + " examination of your application for the allowance of the municipality as soon as you possibly can.";
        var text = new TemplateText(shipped.text().subject(), body, shipped.text().legal());
        int start = shipped.revision();
        LetterTemplates.Saved saved = as("demodorp", () -> templates.save("proofs-requested", "en", start, text));
        assertThat(saved.revision()).isEqualTo(start + 1);
        assertThat(saved.warnings()).extracting(w -> messages.getMessage(w.messageKey(), w.args().toArray(), Locale.ENGLISH))
                .containsExactly(
                        "Long sentence: 29 words, preferably no more than 20. Make it two sentences: “Herewith we ask you to send …”",
                        "Difficult word: “herewith”. Write instead: with this letter.");
        assertThat(as("demodorp", () -> templates.current("proofs-requested", "en")).text().body()).endsWith("as soon as you possibly can.");
        assertThat(as("voorbeeldegem", () -> templates.current("proofs-requested", "en")).isShippedDefault()).isTrue();
        assertThatThrownBy(() -> as("demodorp", () -> templates.save("proofs-requested", "en", start, text)))
                .isInstanceOf(StaleVersionException.class);
    }

    /** Prints the render time so it can be quoted; the first letter pays for font loading. */
    @Test
    void rendersALetterInAReasonableTime() {
        as("voorbeeldegem", () -> letters.render(granted("nl", false)));
        int n = 10;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            LetterRequest request = granted(i % 2 == 0 ? "nl" : "fr", i % 3 == 0);
            as("voorbeeldegem", () -> letters.render(request));
        }
        long msPerLetter = (System.nanoTime() - start) / 1_000_000 / n;
        LOG.info("Letter PDF render time: {} ms per letter (mean of {}, warm)", msPerLetter, n);
        assertThat(msPerLetter).isLessThan(5_000);
    }

    String message(InvalidInputException e, String lang) {
        var v = e.violations().get(0);
        return messages.getMessage(v.messageKey(), v.args().toArray(), Locale.forLanguageTag(lang));
    }
}

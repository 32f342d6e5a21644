package be.loket.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.letters.LetterRequest;
import be.loket.letters.Letters;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outreach invitation as a right's worklist fills it: every condition met or still to check on a line of its own. */
@LoketTest
class InvitationLetterTests {
    @Autowired
    Letters letters;
    @Autowired
    JdbcClient jdbc;

    static int count(List<Object> kids, String type) {
        int n = 0;
        for (Object k : kids) {
            if (k instanceof PDStructureElement e) {
                n += (type.equals(e.getStructureType()) ? 1 : 0) + count(e.getKids(), type);
            }
        }
        return n;
    }

    @Test
    void everyConditionIsItsOwnListItemInEveryLanguage() throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("firstName", "Lina", "lastName", "Voorbeeld", "rightName", "huurtoelage",
                "alreadyMeets", "Je staat ingeschreven bij de woonmaatschappij.\nJe hebt geen eigen huis.",
                "stillToCheck", "Is je inkomen lager dan 30.000 euro?\nHuur je al minstens een jaar?",
                "partnerName", "Huurdersbond Demoland", "partnerPhone", "09 000 00 01", "officeName", "Sociaal Huis Demodorp"));
        values.putAll(Map.of("officeAddress", "Marktplein 1, 9990 Demodorp", "officeHours", "elke werkdag van 9 tot 12 uur",
                "workerName", "Samira Bouhaddi"));
        for (String lang : List.of("nl", "fr", "en")) {
            byte[] pdf = SystemActor.runAs(DemoRecords.tenant(jdbc, "demodorp"), "test", () -> letters.render(new LetterRequest(
                    "outreach-invitation", lang, values, "Lina Voorbeeld", List.of("Kerkstraat 5", "9990 Demodorp"), true))).pdf();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).as(lang).contains("\nJe staat ingeschreven bij de woonmaatschappij.\nJe hebt geen eigen huis.\n")
                        .contains("\nIs je inkomen lager dan 30.000 euro?\nHuur je al minstens een jaar?\n")
                        .contains("Huurdersbond Demoland").contains("09 000 00 01");
                // Two conditions met, two to check, three steps of what to do: seven list items in the tagged structure.
                assertThat(count(doc.getDocumentCatalog().getStructureTreeRoot().getKids(), "LI")).as(lang).isEqualTo(7);
            }
        }
    }
}

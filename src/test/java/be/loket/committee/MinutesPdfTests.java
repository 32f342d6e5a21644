package be.loket.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.applications.ApplicationTestBase;
import be.loket.applications.Decide;
import be.loket.letters.PdfInfo;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The minutes of a BCSD session as tagged PDF, for committee members and team leads only, every download audited. */
@LoketTest
class MinutesPdfTests extends ApplicationTestBase {
    @Autowired
    Committee committee;

    @Test
    void theMinutesListEveryItemWithReportProposalEvaluationAndDecision() throws Exception {
        UUID id = fx.readyApplication(fx.freshPerson());
        String person = fx.as("demo-teamlead", () -> applications.get(id)).personName();
        fx.run("demo-teamlead", () -> committee.setRoute("huurtoelage", "BCSD"));
        UUID session;
        try {
            session = fx.as("demo-committee", () -> committee.planSession(LocalDate.now().plusDays(3).toString(),
                    "Voorzitter An Peeters, Bert Claes"));
            fx.as("demo-committee", () -> committee.buildAgenda(session, 0));
            UUID item = jdbc.sql("select id from committee_item where session_id = ? and application_id = ?").params(session, id)
                    .query(UUID.class).single();
            fx.as("demo-committee", () -> committee.decideItem(session, item, fx.version(id),
                    new Decide("GRANTED", "70.00", "2027-01-01", "2027-12-31", null, null, null, null)));
        } finally {
            fx.run("demo-teamlead", () -> committee.setRoute("huurtoelage", "DELEGATED"));
        }

        byte[] pdf = mvc.perform(get("/committee/sessions/{id}/minutes.pdf", session).with(Staff.as(users, "demo-committee")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfInfo.of(pdf)).containsPattern("Tagged:\\s+yes");
        String day = LocalDate.now().plusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(PdfInfo.text(pdf).replaceAll("\\s+", " ")).contains("Notulen van de zitting van " + day,
                "Aanwezig: Voorzitter An Peeters, Bert Claes.", "Huurtoelage van Demodorp voor " + person,
                "Alleenstaande moeder, huur weegt zwaar door.", "Voorstel van de maatschappelijk werker: Toekennen volgens het reglement.",
                "Beoordeling van de gegevens: Heeft recht", "Beslissing: toegekend, € 70,00 per maand van 01/01/2027 tot 31/12/2027.");
        // pdffonts columns end with: emb sub uni object-id generation.
        assertThat(fonts(pdf)).isNotEmpty().allSatisfy(line -> {
            String[] cols = line.trim().split("\\s+");
            assertThat(cols[cols.length - 5]).as("embedded: " + line).isEqualTo("yes");
        });
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'COMMITTEE_SESSION' and entity_id = ? and action = 'EXPORT'")
                .param(session).query(Long.class).single()).isOne();

        // A team lead may download them; a social worker, the front desk or another municipality gets 404.
        mvc.perform(get("/committee/sessions/{id}/minutes.pdf", session).with(Staff.as(users, "demo-teamlead"))).andExpect(status().isOk());
        for (String other : new String[] {"demo-socialworker", "demo-frontdesk", "demo-socialworker-v"}) {
            mvc.perform(get("/committee/sessions/{id}/minutes.pdf", session).with(Staff.as(users, other))).andExpect(status().isNotFound());
        }
    }

    /** pdffonts (poppler-utils) lines of the fonts in the PDF: name type encoding emb sub uni object ID. */
    static java.util.List<String> fonts(byte[] pdf) throws Exception {
        var file = java.nio.file.Files.createTempFile("minutes-", ".pdf");
        try {
            java.nio.file.Files.write(file, pdf);
            Process p = new ProcessBuilder("/usr/bin/pdffonts", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor()).isZero();
            return out.lines().skip(2).toList();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}

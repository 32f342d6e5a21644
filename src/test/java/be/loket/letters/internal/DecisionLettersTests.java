package be.loket.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.loket.applications.ApplicationDecided;
import be.loket.applications.ApplicationFixtures;
import be.loket.applications.Applications;
import be.loket.applications.Decide;
import be.loket.dossier.Dossiers;
import be.loket.dossier.OpenDossier;
import be.loket.letters.LetterSent;
import be.loket.letters.LetterTemplates;
import be.loket.letters.PdfInfo;
import be.loket.letters.TemplateText;
import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A decision is followed, after it committed, by the letter that fits it, in the citizen's language and
 * on their preferred channel, once, as a step in their dossier; a letter that cannot be made never
 * undoes the decision and goes out when the event is delivered again.
 */
@LoketTest
class DecisionLettersTests {
    @Autowired
    Applications applications;
    @Autowired
    DecisionLetters decisionLetters;
    @Autowired
    People people;
    @Autowired
    Dossiers dossiers;
    @Autowired
    LetterTemplates templates;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    ApplicationFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ApplicationFixtures(applications, jdbc, users);
    }

    UUID tenant() {
        return DemoRecords.tenant(jdbc, "demodorp");
    }

    /** A citizen who wants letters by post (so the PDF waits in the print queue), with an open dossier. */
    UUID citizenByPost(String first, String language) {
        UUID person = SystemActor.runAs(tenant(), "letters-test", () -> people.create(new PersonDetails(first, "Beslissingsbrief", null,
                null, "Kerkstraat", "7", null, "9990", "Demodorp", null, null, "LETTER", language, false, null), true));
        fx.run("demo-socialworker", () -> dossiers.open(new OpenDossier(person, DemoRecords.user(jdbc, "demo-socialworker"), null,
                List.of())));
        return person;
    }

    record Letter(String code, String channel, String reference, String subject) {
    }

    /** The listener runs after the commit on another thread: wait (bounded) until the letter is registered. */
    List<Letter> awaitLetters(UUID person, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> lettersOf(person).size() >= count);
        return lettersOf(person);
    }

    List<Letter> lettersOf(UUID person) {
        return jdbc.sql("select code, channel, reference, subject from letter_sent where person_id = ? order by sent_at").param(person)
                .query((rs, n) -> new Letter(rs.getString("code"), rs.getString("channel"), rs.getString("reference"),
                        rs.getString("subject"))).list();
    }

    byte[] printed(UUID person, String subject) {
        String name = jdbc.sql("select first_name || ' ' || last_name from person where id = ?").param(person).query(String.class).single();
        return jdbc.sql("select pdf from letter_print_queue where recipient_name = ? and subject = ? order by queued_at desc limit 1")
                .params(name, subject).query((rs, n) -> rs.getBytes("pdf")).single();
    }

    static String text(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aGrantIsFollowedByTheGrantedLetterOnceAndItIsAStepInTheDossier() throws Exception {
        UUID person = citizenByPost("Lotte", "nl");
        UUID id = fx.readyApplication(person);
        UUID decision = fx.as("demo-teamlead", () -> applications.decide(id, fx.version(id),
                new Decide("GRANTED", "70.00", "2027-03-01", "2027-12-31", null, null, null, null)));

        assertThat(awaitLetters(person, 1)).singleElement().satisfies(l -> {
            assertThat(l.code()).isEqualTo("rent-allowance-granted");
            assertThat(l.channel()).isEqualTo("POST");
            assertThat(l.reference()).isEqualTo("decision:" + decision);
        });
        byte[] letter = printed(person, "Goed nieuws: u krijgt een huurtoelage");
        // The issue's own check: pdfinfo (poppler-utils) says the PDF is tagged; the legal text is on the last page.
        assertThat(PdfInfo.of(letter)).containsPattern("Tagged:\\s+yes").containsPattern("Pages:\\s+[2-9]");
        assertThat(PdfInfo.lastPage(letter)).contains("Wettelijke bepalingen en beroep", "arbeidsrechtbank", "artikel 71")
                .doesNotContain("Beste Lotte");
        String pdf = text(letter);
        assertThat(pdf).contains("Beste Lotte", "€ 70,00 per maand", "1 maart 2027", "31 december 2027", "Sociaal Huis Demodorp",
                "Marktplein 1");
        // The citizen's personal portal link, issued by the portal module for this letter.
        assertThat(pdf.replaceAll("\\s", "")).containsPattern("http://localhost:8080/portal/l/[A-Za-z0-9_-]{40,}");
        assertThat(jdbc.sql("""
                select s.body from dossier_step s join dossier d on d.id = s.dossier_id where d.person_id = ? and s.kind = 'LETTER'""")
                .param(person).query(String.class).list())
                .containsExactly("Brief verstuurd: „Goed nieuws: u krijgt een huurtoelage“ (met de post)");

        // The same event delivered again (a retry, a second instance) sends nothing new.
        var again = new ApplicationDecided(tenant(), id, decision, 1, person, "huurtoelage",
                be.loket.applications.DecisionOutcome.GRANTED, new BigDecimal("70.00"), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 12, 31));
        LetterSent second = SystemActor.runAs(tenant(), DecisionLetters.SYSTEM_USER, () -> decisionLetters.send(again));
        assertThat(second.code()).isEqualTo("rent-allowance-granted");
        assertThat(lettersOf(person)).hasSize(1);
    }

    @Test
    void aPostponementAsksForWhatIsMissingInTheCitizensLanguageWithTheAppealOnTheLastPage() throws IOException {
        UUID person = citizenByPost("Chloé", "fr");
        UUID id = fx.readyApplication(person);
        fx.run("demo-teamlead", () -> applications.decide(id, fx.version(id),
                new Decide("POSTPONED", null, null, null, null, "- Le contrat de bail signé par les deux parties\n- Vos fiches de paie de mars",
                        null, null)));
        assertThat(awaitLetters(person, 1)).singleElement().satisfies(l -> assertThat(l.code()).isEqualTo("decision-postponed"));
        byte[] pdf = printed(person, "Il nous manque encore quelque chose pour votre demande");
        assertThat(text(pdf)).contains("Bonjour Chloé", "Le contrat de bail signé par les deux parties", "Vos fiches de paie de mars");
        try (var doc = Loader.loadPDF(pdf)) {
            var last = new PDFTextStripper();
            last.setStartPage(doc.getNumberOfPages());
            last.setEndPage(doc.getNumberOfPages());
            assertThat(last.getText(doc)).contains("tribunal du travail", "article 71");
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        }
    }

    @Test
    void aLetterThatCannotBeMadeNeverUndoesTheDecisionAndGoesOutWhenDeliveredAgain() {
        UUID person = citizenByPost("Ruben", "nl");
        UUID id = fx.readyApplication(person);
        // An administrator's template uses a value decisions do not give: the letter cannot be rendered.
        TemplateText shipped = ShippedTemplates.load("decision-postponed", "nl").orElseThrow();
        int revision = SystemActor.runAs(tenant(), "letters-test", () -> templates.current("decision-postponed", "nl").revision());
        var broken = new TemplateText(shipped.subject(), shipped.body() + "\n\nUw partner: {{partnerName}}", shipped.legal());
        int saved = SystemActor.runAs(tenant(), "letters-test", () -> templates.save("decision-postponed", "nl", revision, broken).revision());
        try {
            UUID decision = fx.as("demo-teamlead", () -> applications.decide(id, fx.version(id),
                    new Decide("POSTPONED", null, null, null, null, "Uw huurcontract", null, null)));
            assertThat(jdbc.sql("select status from application where id = ?").param(id).query(String.class).single()).isEqualTo("POSTPONED");
            assertThat(jdbc.sql("select count(*) from application_decision where id = ?").param(decision).query(Long.class).single()).isOne();
            // The listener failed on its own thread: the publication stays incomplete, no letter is registered.
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from event_publication where completion_date is null and status = 'FAILED' and serialized_event like ?")
                    .param("%" + decision + "%").query(Long.class).single() == 1);
            assertThat(lettersOf(person)).isEmpty();

            SystemActor.runAs(tenant(), "letters-test", () -> templates.save("decision-postponed", "nl", saved, shipped));
            incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof ApplicationDecided d && d.decisionId().equals(decision));
            assertThat(awaitLetters(person, 1)).singleElement().satisfies(l -> assertThat(l.reference()).isEqualTo("decision:" + decision));
        } finally {
            int now = SystemActor.runAs(tenant(), "letters-test", () -> templates.current("decision-postponed", "nl").revision());
            if (now == saved) {
                SystemActor.runAs(tenant(), "letters-test", () -> templates.save("decision-postponed", "nl", saved, shipped));
            }
        }
    }
}

package be.loket.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.loket.applications.ApplicationDecided;
import be.loket.applications.ApplicationFixtures;
import be.loket.applications.ApplicationTestBase;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import be.loket.applications.ApplicationView;
import be.loket.applications.ProofStatus;
import be.loket.applications.ProofsRequested;
import be.loket.applications.StartApplication;
import be.loket.letters.OutboundChannel;
import be.loket.platform.InvalidInputException;
import be.loket.support.CapturedMessages;

/**
 * A decision is followed, after it committed, by the letter that fits it, in the citizen's language and
 * on their preferred channel, once, as a step in their dossier; a letter that cannot be made never
 * undoes the decision and goes out when the event is delivered again. The same holds for the letter
 * that asks for the proofs still missing (ADR 0511): what is missing, by when, how to send it; asking
 * again later lists only what is still missing, and nothing missing sends nothing.
 */
@LoketTest
class DecisionLettersTests extends ApplicationTestBase {
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

    UUID tenant() {
        return DemoRecords.tenant(jdbc, "demodorp");
    }

    /** A citizen who wants letters by post (so the PDF waits in the print queue), with an open dossier. */
    UUID citizenByPost(String first, String language) {
        return citizen(first, language, "LETTER");
    }

    /** A citizen with an open dossier, who wants letters by {@code channel} (LETTER: by post). */
    UUID citizen(String first, String language, String channel) {
        UUID person = SystemActor.runAs(tenant(), "letters-test", () -> people.create(new PersonDetails(first, "Beslissingsbrief", null,
                null, "Kerkstraat", "7", null, "9990", "Demodorp", "0470 00 00 11", null, channel, language, false, null), true));
        fx.run("demo-socialworker", () -> dossiers.open(new OpenDossier(person, DemoRecords.user(jdbc, "demo-socialworker"), null,
                List.of())));
        return person;
    }

    record Letter(String code, String channel, String reference, String subject, UUID id) {
    }

    /** The listener runs after the commit on another thread: wait (bounded) until the letter is registered. */
    List<Letter> awaitLetters(UUID person, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> lettersOf(person).size() >= count);
        return lettersOf(person);
    }

    List<Letter> lettersOf(UUID person) {
        return jdbc.sql("select id, code, channel, reference, subject from letter_sent where person_id = ? order by sent_at").param(person)
                .query((rs, n) -> new Letter(rs.getString("code"), rs.getString("channel"), rs.getString("reference"),
                        rs.getString("subject"), rs.getObject("id", UUID.class))).list();
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
        withBrokenTemplate("decision-postponed", repair -> {
            UUID decision = fx.as("demo-teamlead", () -> applications.decide(id, fx.version(id),
                    new Decide("POSTPONED", null, null, null, null, "Uw huurcontract", null, null)));
            assertThat(jdbc.sql("select status from application where id = ?").param(id).query(String.class).single()).isEqualTo("POSTPONED");
            assertThat(jdbc.sql("select count(*) from application_decision where id = ?").param(decision).query(Long.class).single()).isOne();
            // The listener failed on its own thread: the publication stays incomplete, no letter is registered.
            awaitFailedPublication(decision);
            assertThat(lettersOf(person)).isEmpty();

            repair.run();
            incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof ApplicationDecided d && d.decisionId().equals(decision));
            assertThat(awaitLetters(person, 1)).singleElement().satisfies(l -> assertThat(l.reference()).isEqualTo("decision:" + decision));
        });
    }

    /** PostgreSQL returns the decision moment in UTC: the letter still names the Brussels day (ADR 0014). */
    @Test
    void theDecisionDateIsTheBrusselsDayOfTheDecisionMoment() throws IOException {
        UUID person = citizenByPost("Noor", "nl");
        UUID id = fx.readyApplication(person);
        withBrokenTemplate("decision-postponed", repair -> {
            UUID decision = fx.as("demo-teamlead", () -> applications.decide(id, fx.version(id),
                    new Decide("POSTPONED", null, null, null, null, "Uw huurcontract", null, null)));
            awaitFailedPublication(decision);
            // 22:30 UTC on 30 June, as PostgreSQL's driver hands it back, is 00:30 on 1 July in Brussels.
            jdbc.sql("update application_decision set decided_at = ? where id = ?")
                    .params(java.time.OffsetDateTime.parse("2026-06-30T22:30:00Z"), decision).update();
            repair.run();
            incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof ApplicationDecided d && d.decisionId().equals(decision));
            awaitLetters(person, 1);
        });
        String pdf = text(printed(person, "We hebben nog iets van u nodig voor uw aanvraag")).replaceAll("\\s+", " ");
        assertThat(pdf).contains("heeft op 1 juli 2026 uw aanvraag uitgesteld").doesNotContain("30 juni 2026");
    }

    /**
     * Runs the work while the municipality's Dutch template uses a value no sender gives, so the letter cannot
     * be rendered; the work gets the repair (the shipped text back), which runs afterwards too if still needed.
     */
    void withBrokenTemplate(String code, java.util.function.Consumer<Runnable> work) {
        TemplateText shipped = ShippedTemplates.load(code, "nl").orElseThrow();
        int revision = SystemActor.runAs(tenant(), "letters-test", () -> templates.current(code, "nl").revision());
        var broken = new TemplateText(shipped.subject(), shipped.body() + "\n\nUw partner: {{partnerName}}", shipped.legal());
        int saved = SystemActor.runAs(tenant(), "letters-test", () -> templates.save(code, "nl", revision, broken).revision());
        Runnable repair = () -> {
            if (SystemActor.runAs(tenant(), "letters-test", () -> templates.current(code, "nl").revision()) == saved) {
                SystemActor.runAs(tenant(), "letters-test", () -> templates.save(code, "nl", saved, shipped));
            }
        };
        try {
            work.accept(repair);
        } finally {
            repair.run();
        }
    }

    /** The listener failed on its own thread: its publication (naming {@code id}) stays incomplete with status FAILED. */
    void awaitFailedPublication(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null and status = 'FAILED' and serialized_event like ?")
                .param("%" + id + "%").query(Long.class).single() == 1);
    }

    /** A rent-allowance application whose first proof was handed in at the desk: the others are still missing. */
    UUID startedWithOneProofReceived(UUID person) {
        return fx.as("demo-socialworker", () -> {
            UUID id = applications.start(new StartApplication(person, "huurtoelage", ApplicationFixtures.singleMotherFacts()));
            applications.receiveProof(id, fx.version(id), applications.get(id).proofs().get(0).id(), null);
            return id;
        });
    }

    void waitForProofs(UUID id) {
        fx.run("demo-socialworker", () -> applications.changeStatus(id, fx.version(id), "WAITING_FOR_PROOFS"));
    }

    List<String> labels(UUID id, String language, String... statuses) {
        return jdbc.sql("select label_" + language + " from application_proof where application_id = :id and status in (:s) order by position")
                .param("id", id).param("s", List.of(statuses)).query(String.class).list();
    }

    String pdfText(Letter letter) throws IOException {
        return text(jdbc.sql("select pdf from letter_sent_pdf where letter_id = ?").param(letter.id()).query((rs, n) -> rs.getBytes("pdf"))
                .single());
    }

    @Test
    void theCitizenGetsOneLetterWithTheMissingProofsAndTheirPortalLinkAndAskingAgainListsOnlyWhatIsStillMissing() throws Exception {
        UUID person = citizen("Noor", "nl", "LETTER");
        UUID id = startedWithOneProofReceived(person);
        List<String> missing = labels(id, "nl", "REQUESTED");
        String received = labels(id, "nl", "RECEIVED").get(0);
        assertThat(missing).isNotEmpty();
        waitForProofs(id);
        long version = fx.version(id);

        Letter letter = awaitLetters(person, 1).get(0);
        assertThat(letter.code()).isEqualTo("proofs-requested");
        assertThat(letter.channel()).isEqualTo("POST");
        assertThat(letter.reference()).isEqualTo("proofs:" + id + ":" + version);
        String text = pdfText(letter);
        assertThat(text).contains("Beste Noor", "We hebben nog documenten van u nodig",
                LetterValues.date(LocalDate.now().plusDays(14), java.util.Locale.forLanguageTag("nl")), "Sociaal Huis Demodorp", "Marktplein 1");
        missing.forEach(label -> assertThat(text.replaceAll("\\s+", " ")).contains(label));
        assertThat(text).doesNotContain(received);
        assertThat(text.replaceAll("\\s", "")).containsPattern("http://localhost:8080/portal/l/[A-Za-z0-9_-]{40,}");
        assertThat(jdbc.sql("""
                select s.body from dossier_step s join dossier d on d.id = s.dossier_id where d.person_id = ? and s.kind = 'LETTER'""")
                .param(person).query(String.class).list())
                .containsExactly("Brief verstuurd: „We hebben nog documenten van u nodig“ (met de post)");

        // The same request delivered again (a retry, a second instance) sends nothing new.
        var again = new ProofsRequested(tenant(), id, version, person, "huurtoelage",
                List.of(new be.loket.eligibility.LocalizedText("x", "x", "x")), LocalDate.now().plusDays(14));
        LetterSent same = SystemActor.runAs(tenant(), DecisionLetters.SYSTEM_USER, () -> decisionLetters.askForProofs(again));
        assertThat(same.letterId()).isEqualTo(letter.id());
        assertThat(lettersOf(person)).hasSize(1);

        // The citizen sends one more proof; asked again, they get a new letter with only what is still missing.
        fx.run("demo-socialworker", () -> {
            ApplicationView.Proof next = applications.get(id).proofs().stream().filter(p -> p.status() == ProofStatus.REQUESTED)
                    .findFirst().orElseThrow();
            applications.receiveProof(id, fx.version(id), next.id(), null);
        });
        List<String> stillMissing = labels(id, "nl", "REQUESTED");
        fx.run("demo-socialworker", () -> applications.requestProofs(id, fx.version(id)));
        List<Letter> both = awaitLetters(person, 2);
        assertThat(both).extracting(Letter::reference).doesNotHaveDuplicates();
        String second = pdfText(both.get(1)).replaceAll("\\s+", " ");
        stillMissing.forEach(label -> assertThat(second).contains(label));
        assertThat(second).doesNotContain(missing.get(0));
    }

    @Test
    void aFrenchSpeakingCitizenGetsTheLetterInFrench() throws Exception {
        UUID person = citizen("Élise", "fr", "LETTER");
        UUID id = startedWithOneProofReceived(person);
        List<String> missing = labels(id, "fr", "REQUESTED");
        waitForProofs(id);
        String text = pdfText(awaitLetters(person, 1).get(0)).replaceAll("\\s+", " ");
        assertThat(text).contains("Bonjour Élise", "Il nous manque encore des documents", "au plus tard le");
        missing.forEach(label -> assertThat(text).contains(label));
    }

    @Test
    void aCitizenWhoPrefersSmsGetsAShortTextWithTheirPortalLink() {
        UUID person = citizen("Sami", "nl", "SMS");
        UUID id = startedWithOneProofReceived(person);
        waitForProofs(id);
        assertThat(awaitLetters(person, 1)).singleElement().satisfies(l -> assertThat(l.channel()).isEqualTo("SMS"));
        String sms = CapturedMessages.sent().stream().filter(s -> s.channel() == OutboundChannel.Channel.SMS)
                .map(s -> s.message()).filter(m -> "0470 00 00 11".equals(m.phone()) && m.shortText().startsWith("Sami,"))
                .map(OutboundChannel.Message::shortText).findFirst().orElseThrow();
        assertThat(sms).startsWith("Sami, we hebben nog documenten nodig voor").contains("Stuur ze ten laatste op")
                .containsPattern("http://localhost:8080/portal/l/[A-Za-z0-9_-]{40,}");
    }

    @Test
    void nothingIsSentWhenNoProofIsMissing() throws Exception {
        UUID person = citizen("Lina", "nl", "LETTER");
        UUID id = fx.as("demo-socialworker", () -> {
            UUID started = applications.start(new StartApplication(person, "huurtoelage", ApplicationFixtures.singleMotherFacts()));
            for (ApplicationView.Proof p : applications.get(started).proofs()) {
                applications.receiveProof(started, fx.version(started), p.id(), null);
            }
            return started;
        });
        waitForProofs(id);
        assertThatThrownBy(() -> fx.run("demo-socialworker", () -> applications.requestProofs(id, fx.version(id))))
                .isInstanceOf(InvalidInputException.class);
        Thread.sleep(1000);
        assertThat(lettersOf(person)).isEmpty();
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?").param("%" + id + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLetterThatCannotBeMadeNeverUndoesTheApplicationChangeAndGoesOutWhenDeliveredAgain() {
        UUID person = citizen("Ward", "nl", "LETTER");
        UUID id = startedWithOneProofReceived(person);
        withBrokenTemplate("proofs-requested", repair -> {
            waitForProofs(id);
            assertThat(jdbc.sql("select status from application where id = ?").param(id).query(String.class).single())
                    .isEqualTo("WAITING_FOR_PROOFS");
            awaitFailedPublication(id);
            assertThat(lettersOf(person)).isEmpty();

            repair.run();
            incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof ProofsRequested r && r.applicationId().equals(id));
            assertThat(awaitLetters(person, 1)).singleElement().satisfies(l -> assertThat(l.code()).isEqualTo("proofs-requested"));
        });
    }
}

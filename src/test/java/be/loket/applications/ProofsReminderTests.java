package be.loket.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.letters.OutboundChannel;
import be.loket.support.CapturedMessages;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * When the deadline of a proofs request passes with proofs still missing, the daily job reminds the citizen
 * once on their channel and the worker sees the application as overdue (ADR 0512). The job takes the day
 * (ADR 0510); each test moves its request's deadline to a day in 2034 that no other test runs the job on.
 */
@LoketTest
class ProofsReminderTests extends ProofsTestBase {
    @Autowired
    Reminders reminders;
    @Autowired
    CitizenApplications portal;

    void deadline(UUID application, LocalDate deadline) {
        jdbc.sql("update proofs_request set deadline = ? where application_id = ?").params(deadline, application).update();
    }

    @Test
    void theCitizenGetsOneReminderAfterTheDeadlineNotBeforeAndNotTwice() throws Exception {
        UUID person = citizen("Yara", "EMAIL", "0470 00 00 21");
        UUID id = waiting(person);
        long version = fx.version(id);
        List<String> missing = jdbc.sql("select label_nl from application_proof where application_id = ? and status = 'REQUESTED' order by position")
                .param(id).query(String.class).list();
        assertThat(jdbc.sql("select requested_on from proofs_request where application_id = ?").param(id).query(LocalDate.class).single())
                .isEqualTo(LocalDate.now());
        deadline(id, LocalDate.of(2034, 3, 10));

        reminders.run(LocalDate.of(2034, 3, 10));
        assertThat(letters(person, "proofs-reminder")).isEmpty();

        reminders.run(LocalDate.of(2034, 3, 11));
        await().atMost(Duration.ofSeconds(30)).until(() -> !letters(person, "proofs-reminder").isEmpty());
        reminders.run(LocalDate.of(2034, 3, 12));
        reminders.run(LocalDate.of(2034, 3, 20));
        Thread.sleep(500);
        assertThat(letters(person, "proofs-reminder")).containsExactly("EMAIL proofs-reminder:" + id + ":" + version);
        assertThat(jdbc.sql("select reminded_on || ' ' || reminder_deadline || ' ' || reminder_channel from proofs_request where application_id = ?")
                .param(id).query(String.class).single()).isEqualTo("2034-03-11 2034-03-18 EMAIL");

        byte[] pdf = jdbc.sql("select p.pdf from letter_sent_pdf p join letter_sent l on l.id = p.letter_id where l.person_id = ? and l.code = ?")
                .params(person, "proofs-reminder").query((rs, n) -> rs.getBytes("pdf")).single();
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Beste Yara", "We kregen uw documenten nog niet", "18 maart 2034",
                "Zonder deze documenten kunnen we niet beslissen");
        missing.forEach(label -> assertThat(text).contains(label));
    }

    @Test
    void thePortalShowsTheDateTheLetterNamedAndAfterAReminderTheReminders() {
        UUID person = citizen("Noor", "EMAIL", "0470 00 00 24");
        UUID id = waiting(person);
        assertThat(due(person, id)).isEqualTo(LocalDate.now().plusDays(14));
        deadline(id, LocalDate.of(2034, 6, 10));
        assertThat(due(person, id)).isEqualTo(LocalDate.of(2034, 6, 10));
        reminders.run(LocalDate.of(2034, 6, 11));
        assertThat(due(person, id)).isEqualTo(LocalDate.of(2034, 6, 18));
    }

    private LocalDate due(UUID person, UUID application) {
        return fx.as("demo-socialworker", () -> portal.of(person)).stream().filter(a -> a.id().equals(application))
                .findFirst().orElseThrow().proofsDue();
    }

    @Test
    void noReminderWhenTheProofsArrivedBeforeTheDeadlinePassed() {
        UUID person = citizen("Jonas", "EMAIL", "0470 00 00 22");
        UUID id = waiting(person);
        fx.run("demo-socialworker", () -> applications.get(id).proofs().stream().filter(p -> p.status() == ProofStatus.REQUESTED)
                .forEach(p -> applications.receiveProof(id, fx.version(id), p.id(), null)));
        deadline(id, LocalDate.of(2034, 4, 10));
        reminders.run(LocalDate.of(2034, 4, 11));
        assertThat(jdbc.sql("select count(*) from proofs_request where application_id = ? and reminded_on is not null").param(id)
                .query(Long.class).single()).isZero();
        assertThat(letters(person, "proofs-reminder")).isEmpty();
    }

    @Test
    void aCitizenWhoPrefersSmsGetsAShortReminderWithTheirPortalLink() {
        UUID person = citizen("Sara", "SMS", "0470 00 00 23");
        UUID id = waiting(person);
        deadline(id, LocalDate.of(2034, 5, 10));
        reminders.run(LocalDate.of(2034, 5, 11));
        await().atMost(Duration.ofSeconds(30)).until(() -> !letters(person, "proofs-reminder").isEmpty());
        assertThat(letters(person, "proofs-reminder")).containsExactly("SMS proofs-reminder:" + id + ":" + fx.version(id));
        String sms = CapturedMessages.sent().stream().filter(s -> s.channel() == OutboundChannel.Channel.SMS)
                .map(s -> s.message()).filter(m -> "0470 00 00 23".equals(m.phone()) && m.shortText().contains("documenten voor"))
                .map(OutboundChannel.Message::shortText).findFirst().orElseThrow();
        assertThat(sms).startsWith("Sara, we kregen uw documenten voor").contains("Stuur ze ten laatste op 18 mei 2034")
                .contains("bel uw maatschappelijk werker").containsPattern("http://localhost:8080/portal/l/[A-Za-z0-9_-]{40,}");
    }

    @Test
    void theWorkerSeesTheApplicationOverdueUntilAskingAgain() throws Exception {
        UUID person = citizen("Ilias", "LETTER", "0470 00 00 24");
        UUID id = waiting(person);
        String overdue = "Bewijsstukken te laat sinds";
        mvc.perform(get("/applications/" + id).with(Staff.as(users, "demo-socialworker")).header("Accept-Language", "nl"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString(overdue))));

        LocalDate deadline = LocalDate.now().minusDays(3);
        deadline(id, deadline);
        String since = overdue + " " + deadline.plusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        mvc.perform(get("/applications/" + id).with(Staff.as(users, "demo-socialworker")).header("Accept-Language", "nl"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(since)));
        mvc.perform(get("/applications/" + id).with(Staff.as(users, "demo-socialworker")).header("Accept-Language", "fr"))
                .andExpect(content().string(Matchers.containsString("Documents en retard depuis le")));
        mvc.perform(get("/applications").param("status", "WAITING_FOR_PROOFS").with(Staff.as(users, "demo-socialworker"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Proofs overdue since")));
        mvc.perform(get("/persons/" + person).with(Staff.as(users, "demo-socialworker")).header("Accept-Language", "nl"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(since)));

        // Asking again is a new request with a new deadline: no longer overdue.
        fx.run("demo-socialworker", () -> applications.requestProofs(id, fx.version(id)));
        mvc.perform(get("/applications/" + id).with(Staff.as(users, "demo-socialworker")).header("Accept-Language", "nl"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString(overdue))));
    }
}

package be.loket.letters;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.letters.OutboundChannel.Channel;
import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import be.loket.support.LoketTest;

/**
 * Sending to a citizen picks their preferred channel (the demo logs e-mail and SMS) and falls back to
 * the print queue; every letter is registered, audited and announced.
 */
@LoketTest
class LetterDispatchTests {
    @Autowired
    LetterDispatch dispatch;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    UUID tenant() {
        return DemoRecords.tenant(jdbc, "demodorp");
    }

    UUID citizen(String first, String channel, String email, String phone, String language) {
        return SystemActor.runAs(tenant(), "letters-test", () -> people.create(new PersonDetails(first, "Briefproef", null, null,
                "Kerkstraat", "5", null, "9990", "Demodorp", phone, email, channel, language, false, null), true));
    }

    static Map<String, String> values() {
        return Map.of("rightName", "de huurtoelage", "deadline", "15 april 2026", "proofs", "uw huurcontract",
                "portalLink", "https://loket.demodorp.example/p/abc", "workerName", "Samira Bouhaddi", "workerPhone", "09 000 00 00",
                "workerEmail", "sociale.dienst@demodorp.example", "officeName", "Sociaal Huis Demodorp",
                "officeAddress", "Marktplein 1, 9990 Demodorp", "officeHours", "elke werkdag van 9 tot 12 uur");
    }

    @Test
    void aCitizenWhoPrefersSmsGetsAnSmsAndTheLetterIsRegisteredAndAudited() {
        UUID id = citizen("Nora", "SMS", null, "0470 00 00 01", "nl");
        LetterSent sent = SystemActor.runAs(tenant(), "letters-test", () -> dispatch.send(
                new LetterOrder(id, "proofs-requested", values(), "We hebben nog documenten nodig: https://loket.demodorp.example/p/abc", false)));
        assertThat(sent.channel()).isEqualTo(Channel.SMS);
        assertThat(sent.fellBack()).isFalse();
        assertThat(sent.subject()).isEqualTo("We hebben nog documenten van u nodig");
        assertThat(jdbc.sql("select channel from letter_sent where id = ?").param(sent.letterId()).query(String.class).single())
                .isEqualTo("SMS");
        assertThat(jdbc.sql("select detail from audit_event where entity_type = 'LETTER' and entity_id = ?").param(sent.letterId())
                .query(String.class).single()).contains("channel=SMS");
    }

    @Test
    void aCitizenWhoPrefersAHomeVisitGetsTheLetterInThePrintQueueInTheirLanguage() throws Exception {
        UUID id = citizen("Louis", "HOME_VISIT", null, null, "fr");
        LetterSent sent = SystemActor.runAs(tenant(), "letters-test", () -> dispatch.send(
                new LetterOrder(id, "proofs-requested", values(), null, true)));
        assertThat(sent.channel()).isEqualTo(Channel.POST);
        assertThat(sent.fellBack()).isFalse();
        var queued = jdbc.sql("select recipient_name, address, closed_envelope, pdf from letter_print_queue where tenant_id = ?"
                        + " and recipient_name = 'Louis Briefproef'").param(tenant())
                .query((rs, row) -> new Object[] {rs.getString(2), rs.getBoolean(3), rs.getBytes(4)}).single();
        assertThat(queued[0]).isEqualTo("Kerkstraat 5\n9990 Demodorp");
        assertThat(queued[1]).isEqualTo(true);
        try (var pdf = Loader.loadPDF((byte[]) queued[2])) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Bonjour Louis,").contains("Personnel et confidentiel");
        }
    }
}

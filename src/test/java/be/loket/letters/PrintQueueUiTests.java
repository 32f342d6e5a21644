package be.loket.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A letter that goes by post waits on the letters page until someone prints it; other municipalities and partners see nothing. */
@LoketTest
class PrintQueueUiTests extends WebTestBase {
    @Autowired
    LetterDispatch dispatch;
    @Autowired
    People people;

    @Test
    void theFrontDeskOpensAndMarksALetterPrinted() throws Exception {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        LetterSent sent = SystemActor.runAs(tenant, "letters-test", () -> {
            UUID person = people.create(new PersonDetails("Wout", "Printproef", null, null, "Dorpsstraat", "2", null, "9990",
                    "Demodorp", null, null, "LETTER", "nl", false, null), true);
            return dispatch.send(new LetterOrder(person, "rent-allowance-refused", java.util.Map.of("reason", "Uw inkomen is te hoog.",
                    "workerName", "Samira Bouhaddi", "workerPhone", "09 000 00 00", "workerEmail", "sociale.dienst@demodorp.example",
                    "officeHours", "elke werkdag van 9 tot 12 uur", "officeName", "Sociaal Huis Demodorp", "decisionDate", "3 maart 2026"),
                    null, true));
        });
        assertThat(sent.channel()).isEqualTo(OutboundChannel.Channel.POST);
        UUID id = jdbc.sql("select id from letter_print_queue where recipient_name = 'Wout Printproef'").query(UUID.class).single();

        mvc.perform(get("/letters").with(Staff.as(users, "demo-frontdesk")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Wout Printproef")))
                .andExpect(content().string(Matchers.containsString("U krijgt geen huurtoelage")))
                .andExpect(content().string(Matchers.containsString("Gesloten omslag")));
        mvc.perform(get("/letters/print-queue/" + id + "/pdf").with(Staff.as(users, "demo-frontdesk")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'LETTER_PRINT' and entity_id = ? and action = 'READ'")
                .param(id).query(Long.class).single()).isEqualTo(1);

        mvc.perform(get("/letters/print-queue/" + id + "/pdf").with(Staff.as(users, "demo-socialworker-v")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/letters").with(Staff.as(users, "demo-partner"))).andExpect(status().isForbidden());
        mvc.perform(post("/letters/print-queue/" + id + "/printed").with(Staff.as(users, "demo-socialworker-v")).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/letters/print-queue/" + id + "/printed").with(Staff.as(users, "demo-frontdesk")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/letters").with(Staff.as(users, "demo-frontdesk")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Wout Printproef"))));
        assertThat(jdbc.sql("select printed_by from letter_print_queue where id = ?").param(id).query(String.class).single())
                .isEqualTo("demo-frontdesk");
    }
}

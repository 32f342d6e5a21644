package be.loket.committee;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.applications.ApplicationTestBase;
import be.loket.support.LoketTest;
import java.time.LocalDate;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The committee pages: the delegated decision with its refusal messages, sessions, agenda and minutes. */
@LoketTest
class CommitteeUiTests extends ApplicationTestBase {

    @Test
    void theTeamLeadDecidesTheRentAllowanceAloneAndBadInputIsNamed() throws Exception {
        UUID id = fx.readyApplication(fx.freshPerson());
        mvc.perform(as("demo-teamlead", get("/committee/applications/" + id + "/decide"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Alleenstaande moeder, huur weegt zwaar door.")))
                .andExpect(content().string(Matchers.containsString("Berekend bedrag: € 70,00 per maand")))
                .andExpect(content().string(Matchers.containsString("value=\"70.00\"")));
        long v = fx.version(id);
        mvc.perform(as("demo-teamlead", post("/committee/applications/" + id + "/decide")).param("version", "" + v)
                        .param("outcome", "GRANTED").param("monthlyAmount", "70,001").param("periodFrom", "2026-11-01")
                        .param("periodUntil", "2026-10-31"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("hoogstens twee cijfers na de komma")))
                .andExpect(content().string(Matchers.containsString("Het einde van de periode ligt vóór het begin.")));
        mvc.perform(as("demo-teamlead", post("/committee/applications/" + id + "/decide")).param("version", "" + v)
                        .param("outcome", "GRANTED").param("monthlyAmount", "70,00").param("periodFrom", "2026-11-01")
                        .param("periodUntil", "2026-12-31"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as("demo-teamlead", get("/applications/" + id)))
                .andExpect(content().string(Matchers.containsString("€ 70,00 per maand, van 01/11/2026 tot 31/12/2026")));
        mvc.perform(as("demo-socialworker", get("/committee/applications/" + id + "/decide"))).andExpect(status().isNotFound());
    }

    @Test
    void aSessionIsPlannedShownAndMinuted() throws Exception {
        mvc.perform(as("demo-committee", get("/committee"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Zitting plannen")));
        mvc.perform(as("demo-committee", post("/committee/sessions")).param("heldOn", "").param("members", ""))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Vul dit veld in.")));
        String location = mvc.perform(as("demo-committee", post("/committee/sessions"))
                        .param("heldOn", LocalDate.now().plusDays(3).toString()).param("members", "Marc Dewilde\nGriet Van Hoorebeke"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(as("demo-committee", get(location))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Marc Dewilde, Griet Van Hoorebeke")));
        mvc.perform(as("demo-committee", get(location + "/minutes"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Aanwezig: Marc Dewilde, Griet Van Hoorebeke.")));
        mvc.perform(as("demo-socialworker", get(location))).andExpect(status().isNotFound());
    }
}

package be.loket.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.LoketTest;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The application pages: start from the citizen, the checklist, refusals with their message, the payment list download. */
@LoketTest
class ApplicationUiTests extends ApplicationTestBase {

    @Test
    void aWorkerStartsFromTheCitizenAndWorksTheChecklist() throws Exception {
        UUID person = fx.freshPerson();
        mvc.perform(as("demo-socialworker", get("/persons/" + person))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/applications/new?person=" + person)));
        mvc.perform(as("demo-socialworker", get("/applications/new").param("person", person.toString()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Huurtoelage van Demodorp")));
        String location = mvc.perform(as("demo-socialworker", post("/applications")).param("personId", person.toString())
                        .param("rightId", "huurtoelage"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(as("demo-socialworker", get("/applications/" + id))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Uw huurcontract")))
                .andExpect(content().string(Matchers.containsString("Gevraagd")))
                .andExpect(content().string(Matchers.containsString("Mogelijk recht, er ontbreken gegevens")));

        UUID proof = fx.as("demo-socialworker", () -> applications.get(id)).proofs().get(0).id();
        long v = fx.version(id);
        mvc.perform(as("demo-socialworker", post("/applications/" + id + "/proofs/" + proof + "/refuse")).param("version", "" + v)
                        .param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Niets is bewaard.")))
                .andExpect(content().string(Matchers.containsString("Vul dit veld in.")));
        mvc.perform(as("demo-socialworker", post("/applications/" + id + "/facts")).param("version", "" + v)
                        .param("name", "household.monthlyRent").param("value", "veel").param("source", "CITIZEN"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is een bedrag in euro nodig")));
        assertThat(fx.version(id)).isEqualTo(v);
        mvc.perform(as("demo-socialworker", post("/applications/" + id + "/proofs/" + proof + "/accept")).param("version", "" + v)
                        .param("validUntil", "30/06/2031"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as("demo-socialworker", post("/applications/" + id + "/proofs/" + proof + "/accept")).param("version", "" + v))
                .andExpect(status().is3xxRedirection()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .flash().attribute("conflict", true));
        mvc.perform(as("demo-socialworker", get("/applications/" + id)))
                .andExpect(content().string(Matchers.containsString("Geldig tot 30/06/2031.")));
        // Partners and other municipalities do not see the application.
        mvc.perform(as("demo-partner", get("/applications/" + id))).andExpect(status().isNotFound());
        mvc.perform(as("demo-socialworker-v", get("/applications/" + id))).andExpect(status().isNotFound());
    }

    @Test
    void theTeamLeadDownloadsThePaymentListAsCsv() throws Exception {
        mvc.perform(as("demo-teamlead", get("/applications/payments").param("right", "huurtoelage").param("month", "2027-01")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Betaaldag 15/01/2027")));
        mvc.perform(as("demo-teamlead", get("/applications/payments.csv").param("right", "huurtoelage").param("month", "2027-01")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString("betalingslijst-huurtoelage-2027-01.csv")))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(Matchers.startsWith("payment_day;right;month;national_number;name;amount")));
        mvc.perform(as("demo-socialworker", get("/applications/payments.csv").param("right", "huurtoelage").param("month", "2027-01")))
                .andExpect(status().isNotFound());
    }
}

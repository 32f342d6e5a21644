package be.loket.applications;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The "proposals to confirm" page: case workers only, forms protected by CSRF, unknown proposals 404. */
@LoketTest
class GrantProposalUiTests extends WebTestBase {

    @Test
    void caseWorkersSeeTheListOthersGet404AndFormsNeedCsrf() throws Exception {
        mvc.perform(get("/applications/proposals").with(Staff.as(users, "demo-socialworker"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Voorstellen om te bevestigen")));
        mvc.perform(get("/applications/proposals").with(Staff.as(users, "demo-teamlead"))).andExpect(status().isOk());
        mvc.perform(get("/applications").with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.containsString("/applications/proposals")));
        for (String other : new String[] {"demo-frontdesk", "demo-committee", "demo-partner"}) {
            mvc.perform(get("/applications/proposals").with(Staff.as(users, other))).andExpect(status().isNotFound());
        }
        UUID unknown = UUID.randomUUID();
        mvc.perform(post("/applications/proposals/{id}/confirm", unknown).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/applications/proposals/{id}/confirm", unknown).with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().isNotFound());
    }
}

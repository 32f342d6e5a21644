package be.loket.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.LoketTest;
import be.loket.support.Staff;
import java.time.Duration;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The "ask again for the missing proofs" button through the web layer (ADR 0511): the worker's POST sends a
 * new letter and says so; without the CSRF token, as a partner or from another municipality nothing is sent;
 * with nothing missing the page says why no letter goes out, in the worker's language.
 */
@LoketTest
class ProofsRequestUiTests extends ProofsTestBase {
    MockHttpServletRequestBuilder askAgain(String user, UUID id, String language) {
        return post("/applications/" + id + "/proofs/request").param("version", "" + fx.version(id)).with(Staff.as(users, user))
                .header("Accept-Language", language);
    }

    @Test
    void theWorkersRequestSendsANewLetterAndSaysSo() throws Exception {
        UUID person = citizen("Mila", "LETTER", "0470 00 00 31");
        UUID id = waiting(person);
        var posted = mvc.perform(askAgain("demo-socialworker", id, "nl").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/applications/" + id))
                .andExpect(flash().attribute("saved", true))
                .andExpect(flash().attribute("savedMessage", "applications.proofs.request.sent")).andReturn();
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(person, "proofs-requested").size() == 2);
        assertThat(letters(person, "proofs-requested")).doesNotHaveDuplicates();
        // The page after the redirect says what happened. Flash attributes live in the stored session (Spring Session),
        // so the follow-up request carries its cookie, as a browser does; MockMvc's flashAttr would not reach it.
        mvc.perform(get("/applications/" + id).with(Staff.as(users, "demo-socialworker")).header("Accept-Language", "nl")
                        .cookie(posted.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "De burger krijgt een nieuwe brief met de bewijsstukken die nog ontbreken.")));
    }

    @Test
    void withoutCsrfAsAPartnerOrFromAnotherMunicipalityNothingIsSent() throws Exception {
        UUID person = citizen("Ruben", "LETTER", "0470 00 00 32");
        UUID id = waiting(person);
        long version = fx.version(id);

        mvc.perform(askAgain("demo-socialworker", id, "nl")).andExpect(status().isForbidden());
        mvc.perform(askAgain("demo-partner", id, "nl").with(csrf())).andExpect(status().isNotFound());
        mvc.perform(askAgain("demo-socialworker-v", id, "nl").with(csrf())).andExpect(status().isNotFound());

        Thread.sleep(500);
        assertThat(fx.version(id)).isEqualTo(version);
        assertThat(jdbc.sql("select count(*) from proofs_request where application_id = ?").param(id).query(Long.class).single()).isOne();
        assertThat(letters(person, "proofs-requested")).hasSize(1);
    }

    @Test
    void withNothingMissingThePageSaysNoLetterGoesOut() throws Exception {
        UUID person = citizen("Eva", "LETTER", "0470 00 00 33");
        UUID id = waiting(person);
        fx.run("demo-socialworker", () -> applications.get(id).proofs().stream().filter(p -> p.status() == ProofStatus.REQUESTED)
                .forEach(p -> applications.receiveProof(id, fx.version(id), p.id(), null)));
        long version = fx.version(id);

        mvc.perform(askAgain("demo-socialworker", id, "nl").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Niets is bewaard.")))
                .andExpect(content().string(Matchers.containsString("Er ontbreekt geen bewijsstuk meer. Er gaat geen brief weg.")));
        mvc.perform(askAgain("demo-socialworker", id, "fr").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Il ne manque plus aucune preuve. Aucune lettre n’est envoyée.")));
        mvc.perform(askAgain("demo-socialworker", id, "en").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No proof is missing any more. No letter is sent.")));

        assertThat(fx.version(id)).isEqualTo(version);
        assertThat(letters(person, "proofs-requested")).hasSize(1);
    }
}

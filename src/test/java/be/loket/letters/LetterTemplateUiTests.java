package be.loket.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Only previewGivesAPdfAndSavingAddsAVersion saves, and only rent-allowance-granted in French, which no other test reads. */
@LoketTest
class LetterTemplateUiTests extends WebTestBase {
    static final String LEGAL = "# Niet akkoord?\nU mag in beroep gaan bij de arbeidsrechtbank.";

    MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder r) {
        return r.with(Staff.as(users, "demo-admin")).with(csrf());
    }

    long saved() {
        return jdbc.sql("select count(*) from letter_template").query(Long.class).single();
    }

    @Test
    void theAdministratorSeesEveryTemplatePerLanguage() throws Exception {
        mvc.perform(get("/admin/letters").with(Staff.as(users, "demo-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Huurtoelage toegekend")))
                .andExpect(content().string(Matchers.containsString("Sjablonen in het Nederlands")))
                .andExpect(content().string(Matchers.containsString("Goed nieuws: u krijgt een huurtoelage")));
        mvc.perform(get("/admin/letters").param("language", "en").with(Staff.as(users, "demo-admin")))
                .andExpect(content().string(Matchers.containsString("Good news: you will receive a rent allowance")));
        mvc.perform(get("/admin/letters/rent-allowance-granted/en").with(Staff.as(users, "demo-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("{{decisionDate}}")));
        mvc.perform(get("/admin/letters").with(Staff.as(users, "demo-socialworker"))).andExpect(status().isForbidden());
    }

    @Test
    void anUnknownPlaceholderIsShownNextToTheFieldAndNothingIsSaved() throws Exception {
        long before = saved();
        mvc.perform(asAdmin(post("/admin/letters/proofs-requested/nl")).param("subject", "Documenten")
                        .param("body", "Beste {{firstName}},\n\nUw rekeningnummer {{iban}} klopt niet.").param("legal", LEGAL)
                        .param("revision", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Onbekende invulplaats {{iban}}. Gebruik alleen deze: firstName,")))
                .andExpect(content().string(Matchers.containsString("id=\"body-error\"")));
        assertThat(saved()).isEqualTo(before);
    }

    @Test
    void theCheckWarnsAboutLongSentencesAndJargonWithoutSaving() throws Exception {
        long before = saved();
        mvc.perform(asAdmin(post("/admin/letters/proofs-requested/nl/check")).param("subject", "Documenten")
                        .param("body", "Beste {{firstName}},\n\nTeneinde uw dossier te kunnen behandelen verzoeken wij u om ons zo snel"
                                + " als het voor u mogelijk is de documenten te bezorgen die hieronder staan.")
                        .param("legal", LEGAL).param("revision", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "Tekst van de brief: Lange zin: 26 woorden, liefst niet meer dan 20. Maak er twee zinnen van: „Teneinde uw dossier te kunnen behandelen …“")))
                .andExpect(content().string(Matchers.containsString("Tekst van de brief: Moeilijk woord: „teneinde“. Schrijf liever: om.")));
        assertThat(saved()).isEqualTo(before);
    }

    @Test
    void previewGivesAPdfAndSavingAddsAVersion() throws Exception {
        var pdf = mvc.perform(asAdmin(post("/admin/letters/rent-allowance-granted/fr/preview")).param("subject", "Objet")
                        .param("body", "Bonjour {{firstName}},").param("legal", "Article 71.").param("revision", "0")
                        .param("closedEnvelope", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        mvc.perform(asAdmin(post("/admin/letters/rent-allowance-granted/fr")).param("subject", "Votre allocation de loyer")
                        .param("body", "Bonjour {{firstName}},\n\n**Vous recevez {{amount}} par mois.**").param("legal", "Article 71.")
                        .param("revision", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/letters/rent-allowance-granted/fr").with(Staff.as(users, "demo-admin")))
                .andExpect(content().string(Matchers.containsString("Versie 1, bewaard door demo-admin")));
        mvc.perform(asAdmin(post("/admin/letters/rent-allowance-granted/fr")).param("subject", "Encore")
                        .param("body", "Bonjour {{firstName}},").param("legal", "Article 71.").param("revision", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Iemand anders heeft dit intussen gewijzigd.")));
    }
}

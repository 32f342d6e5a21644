package be.loket.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.person.People;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/** No list without a valid agreement; a bad agreement is refused field by field and nothing is saved. */
@LoketTest
class AgreementTests extends WebTestBase {
    @Autowired
    People people;

    @Test
    void aBadAgreementIsRefusedWithAMessagePerFieldAndNothingSaved() throws Exception {
        var fx = new OutreachFixture(mvc, jdbc, users, people);
        long before = fx.count("outreach_agreement");
        mvc.perform(post("/outreach/agreements").with(Staff.as(users, "demo-teamlead")).with(csrf()).header("Accept-Language", "en")
                        .param("partnerId", fx.partner("WATER_COMPANY").toString()).param("purpose", "")
                        .param("legalBasis", "CONSENT").param("listTypes", "WAITING_LIST").param("fields", "LAST_NAME")
                        .param("retentionDays", "9999").param("validFrom", "2026-02-30"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Fill in this field.")))
                .andExpect(content().string(Matchers.containsString("This partner does not send this kind of list")))
                .andExpect(content().string(Matchers.containsString("The chosen lists need these fields: voornaam, inschrijvingsdatum")))
                .andExpect(content().string(Matchers.containsString("The retention period is between 1 and 1098 days.")))
                .andExpect(content().string(Matchers.containsString("This is not a valid date")));
        mvc.perform(post("/outreach/agreements").with(Staff.as(users, "demo-socialworker")).with(csrf())
                        .param("partnerId", fx.partner("WATER_COMPANY").toString()).param("purpose", "x").param("legalBasis", "CONSENT")
                        .param("listTypes", "WATER_ARREARS").param("retentionDays", "30").param("validFrom", "2025-01-01"))
                .andExpect(status().isForbidden());
        assertThat(fx.count("outreach_agreement")).isEqualTo(before);
    }

    @Test
    void aListOutsideTheAgreementOrAfterItEndedIsRefused() throws Exception {
        var fx = new OutreachFixture(mvc, jdbc, users, people);
        UUID agreement = fx.agreement("SOCIAL_HOUSING_COMPANY", ListType.WAITING_LIST);
        long uploads = fx.count("outreach_upload");
        mvc.perform(multipart("/outreach/uploads").file(new MockMultipartFile("file", "a.csv", "text/csv", "Naam\nX\n".getBytes()))
                        .param("agreementId", agreement.toString()).param("listType", "RENT_ARREARS")
                        .with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Deze overeenkomst staat dit soort lijst niet toe.")));
        jdbc.sql("update outreach_agreement set valid_to = date '2025-06-30' where id = ?").param(agreement).update();
        mvc.perform(multipart("/outreach/uploads").file(new MockMultipartFile("file", "a.csv", "text/csv", new byte[0]))
                        .param("agreementId", agreement.toString()).param("listType", "WAITING_LIST")
                        .with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Deze overeenkomst is vandaag niet geldig.")))
                .andExpect(content().string(Matchers.containsString("Kies een bestand.")));
        assertThat(fx.count("outreach_upload")).isEqualTo(uploads);
    }
}

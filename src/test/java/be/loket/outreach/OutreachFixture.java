package be.loket.outreach;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.outreach.internal.ListField;
import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.ImportJobs;
import be.loket.support.Staff;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Steps the outreach tests share: agreements, uploads and imports through the UI, fictitious citizens.
 * Public for the tests of modules built on worklists (campaigns), so the import steps exist once.
 */
public record OutreachFixture(MockMvc mvc, JdbcClient jdbc, UserDetailsService users, People people) {

    UUID tenant() {
        return DemoRecords.tenant(jdbc, "demodorp");
    }

    UUID partner(String type) {
        return jdbc.sql("select id from organisation where tenant_id = ? and type = ?").params(tenant(), type).query(UUID.class).single();
    }

    /** Records an agreement through the UI as the team lead; every field allowed. */
    public UUID agreement(String partnerType, ListType... types) throws Exception {
        UUID partner = partner(partnerType);
        var request = post("/outreach/agreements").with(Staff.as(users, "demo-teamlead")).with(csrf())
                .param("partnerId", partner.toString()).param("purpose", "Rechthebbenden op de huurtoelage vinden")
                .param("legalBasis", "CONSENT").param("legalBasisDetail", "Toestemming bij de inschrijving")
                .param("retentionDays", "365").param("validFrom", "01/01/2025")
                .param("fields", Arrays.stream(ListField.values()).map(Enum::name).toArray(String[]::new))
                .param("listTypes", Arrays.stream(types).map(Enum::name).toArray(String[]::new));
        mvc.perform(request).andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from outreach_agreement where partner_id = ? order by created_at desc limit 1")
                .param(partner).query(UUID.class).single();
    }

    /** Uploads a file as the social worker and returns the upload's id from the redirect. */
    public UUID upload(UUID agreement, ListType type, String fileName, byte[] content) throws Exception {
        String location = mvc.perform(multipart("/outreach/uploads").file(new MockMultipartFile("file", fileName, "text/csv", content))
                        .param("agreementId", agreement.toString()).param("listType", type.name())
                        .with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Imports an upload with the given mode (a background job: waits until it is done) and returns the import's id. */
    public UUID importUpload(UUID upload, String mode) throws Exception {
        UUID job = startImport(upload, mode);
        String state = awaitJob(job);
        if (!"DONE".equals(state)) {
            throw new AssertionError("import job " + job + " ended " + state);
        }
        return jdbc.sql("select import_id from outreach_import_job where id = ?").param(job).query(UUID.class).single();
    }

    /** Chooses to import; returns the job's id from the redirect to its progress page. */
    UUID startImport(UUID upload, String mode) throws Exception {
        String location = mvc.perform(post("/outreach/uploads/" + upload + "/import").param("mode", mode)
                        .with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).contains("/outreach/jobs/");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Waits (at most a minute) until the job is no longer queued or running; its final state. */
    String awaitJob(UUID job) throws InterruptedException {
        return ImportJobs.await(jdbc, job);
    }

    UUID citizen(String first, String last, String birth, String insz, String street, String number) {
        return SystemActor.runAs(tenant(), "outreach-test", () -> people.create(new PersonDetails(first, last, birth, insz, street, number,
                null, "9990", "Demodorp", null, null, "LETTER", "nl", false, null), true));
    }

    String matchStatus(UUID importId, String lastName) {
        return jdbc.sql("select match_status from outreach_row where import_id = ? and last_name = ?").params(importId, lastName)
                .query(String.class).single();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}

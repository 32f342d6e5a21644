package be.loket.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.person.People;
import be.loket.platform.NotFoundException;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Partner users (and front-desk staff) never see lists, imports, the review queue or the worklist, and
 * another municipality's social worker gets "not found" for every Demodorp record and changes nothing.
 */
@LoketTest
class OutreachAccessTests extends WebTestBase {
    @Autowired
    People people;
    OutreachFixture fx;
    UUID importId;
    UUID uploadId;
    UUID rowId;
    UUID entryId;
    UUID agreementId;
    UUID rightEntryId;
    UUID jobId;
    @org.springframework.beans.factory.annotation.Autowired
    Worklists worklists;

    @BeforeEach
    void importAList() throws Exception {
        fx = new OutreachFixture(mvc, jdbc, users, people);
        agreementId = fx.agreement("SOCIAL_HOUSING_COMPANY", ListType.RENT_ARREARS);
        String suffix = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        byte[] list = ("Naam;Voornaam;Geboortedatum;Achterstal;Maanden achterstal\nGeheim-Vandamme" + suffix
                + ";Lien;03/03/1983;\"950,00\";2\n").getBytes(StandardCharsets.UTF_8);
        importId = fx.importUpload(fx.upload(agreementId, ListType.RENT_ARREARS, "geheim.csv", list), "ALL");
        uploadId = fx.upload(agreementId, ListType.RENT_ARREARS, "nog-niet.csv", list);
        rowId = jdbc.sql("select id from outreach_row where import_id = ?").param(importId).query(UUID.class).single();
        entryId = jdbc.sql("select id from outreach_worklist_entry where import_id = ?").param(importId).query(UUID.class).single();
        jobId = jdbc.sql("select id from outreach_import_job where import_id = ?").param(importId).query(UUID.class).single();
        // A citizen on Demodorp's huurtoelage worklist, as the rights engine leaves it.
        UUID citizen = fx.citizen("Lien", "Geheim-Vandamme" + suffix, "1983-03-03", null, "Geheimstraat", "1");
        rightEntryId = UUID.randomUUID();
        jdbc.sql("""
                insert into outreach_right_entry (id, tenant_id, right_id, person_id, outcome, met_conditions, open_conditions, facts,
                    evaluated_on, active, status, created_at, updated_at, updated_by)
                values (?, ?, 'huurtoelage', ?, 'POSSIBLY', 'onWaitingList', 'isTenant', 'household.onSocialHousingWaitingList=true',
                    current_date, true, 'OPEN', current_timestamp, current_timestamp, 'test')""")
                .params(rightEntryId, fx.tenant(), citizen).update();
    }

    List<MockHttpServletRequestBuilder> everyPage() {
        return List.of(get("/outreach"), get("/outreach/agreements"), get("/outreach/agreements/new"), get("/outreach/uploads/new"),
                get("/outreach/uploads/" + uploadId), get("/outreach/imports/" + importId), get("/outreach/review"),
                get("/outreach/worklist"), post("/outreach/uploads/" + uploadId + "/import").param("mode", "ALL"),
                post("/outreach/uploads/" + uploadId + "/discard"), post("/outreach/review/" + rowId).param("decision", "dismiss"),
                post("/outreach/worklist/" + entryId).param("status", "CLOSED"), get("/outreach/worklists"),
                get("/outreach/worklists/huurtoelage"), get("/outreach/worklists/rent-arrears"),
                post("/outreach/worklists/huurtoelage/entries/" + rightEntryId).param("status", "CLOSED"),
                post("/outreach/worklists/rent-arrears/entries/" + entryId).param("status", "CLOSED"), get("/outreach/jobs"),
                get("/outreach/jobs/" + jobId), get("/outreach/jobs/" + jobId + "/progress"));
    }

    @Test
    void partnerUsersAndTheFrontDeskNeverSeePartnerLists() throws Exception {
        for (String user : List.of("demo-partner", "demo-frontdesk")) {
            for (var request : everyPage()) {
                mvc.perform(request.with(Staff.as(users, user)).with(csrf()))
                        .andExpect(status().isNotFound())
                        .andExpect(content().string(Matchers.not(Matchers.containsString("Geheim-Vandamme"))));
            }
            mvc.perform(get("/").with(Staff.as(users, user))).andExpect(content().string(Matchers.not(Matchers.containsString("/outreach"))));
        }
        assertUnchanged();
    }

    @Test
    void anotherMunicipalityGetsNotFoundForEveryRecord() throws Exception {
        for (var request : everyPage()) {
            String uri = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
            var result = mvc.perform(request.with(Staff.as(users, "demo-socialworker-v")).with(csrf())).andReturn();
            boolean ownPage = uri.matches("/outreach(/agreements(/new)?|/uploads/new|/review|/worklist|/worklists(/rent-arrears)?|/jobs)?");
            if (ownPage) {
                // Their own (empty) outreach pages; nothing of Demodorp on them.
                assertThat(result.getResponse().getStatus()).as(uri).isIn(200, 403);
            } else {
                assertThat(result.getResponse().getStatus()).as(uri).isEqualTo(404);
            }
            assertThat(result.getResponse().getContentAsString()).as(uri).doesNotContain("Geheim-Vandamme").doesNotContain("geheim.csv");
        }
        // Uploading against Demodorp's agreement is refused as not found too.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/outreach/uploads")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "x.csv", "text/csv", "Naam\nX\n".getBytes()))
                        .param("agreementId", agreementId.toString()).param("listType", "RENT_ARREARS")
                        .with(Staff.as(users, "demo-socialworker-v")).with(csrf()))
                .andExpect(status().isNotFound());
        assertUnchanged();
    }

    @Test
    void theWorklistsInterfaceGivesOtherMunicipalitiesAndPartnersNothing() {
        for (String user : List.of("demo-socialworker-v", "demo-partner", "demo-frontdesk")) {
            as(user, () -> {
                java.util.Locale nl = java.util.Locale.forLanguageTag("nl");
                assertThatThrownBy(() -> worklists.entry(rightEntryId, nl)).as(user).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> worklists.entry(entryId, nl)).as(user).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> worklists.entries("huurtoelage", nl)).as(user).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> worklists.setStatus(rightEntryId, WorklistEntry.Status.CLOSED)).as(user)
                        .isInstanceOf(NotFoundException.class);
                if (user.equals("demo-socialworker-v")) {
                    // Their own lists: none of Demodorp's people, no Demodorp right.
                    assertThat(worklists.lists(nl)).extracting(WorklistInfo::key).doesNotContain("huurtoelage");
                    assertThat(worklists.entries(Worklists.RENT_ARREARS, nl)).extracting(WorklistEntry::personName)
                            .noneMatch(n -> n.contains("Geheim-Vandamme"));
                } else {
                    assertThatThrownBy(() -> worklists.lists(nl)).as(user).isInstanceOf(NotFoundException.class);
                }
            });
        }
        assertUnchanged();
    }

    private void as(String username, Runnable work) {
        var principal = users.loadUserByUsername(username);
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(principal, null,
                principal.getAuthorities()));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    void assertUnchanged() {
        assertThat(jdbc.sql("select status from outreach_right_entry where id = ?").param(rightEntryId).query(String.class).single())
                .isEqualTo("OPEN");
        assertThat(jdbc.sql("select match_status from outreach_row where id = ?").param(rowId).query(String.class).single())
                .isIn("UNMATCHED", "REVIEW");
        assertThat(jdbc.sql("select status from outreach_worklist_entry where id = ?").param(entryId).query(String.class).single())
                .isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from outreach_upload where id = ?").param(uploadId).query(Long.class).single()).isEqualTo(1);
    }
}

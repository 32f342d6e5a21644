package be.loket.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The dossier's life over the API: opened from a contact, shared, partner steps, unseen marks, locking and the trail. */
@LoketTest
class DossierApiTests extends WebTestBase {
    static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder r) {
        return r.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON);
    }

    /** A citizen of Demodorp without any dossier yet, so tests do not disturb each other. */
    UUID freshPerson() {
        return jdbc.sql("""
                select p.id from person p join tenant t on t.id = p.tenant_id where t.code = 'demodorp'
                and not exists (select 1 from dossier d where d.person_id = p.id) order by p.search_name desc limit 1""")
                .query(UUID.class).single();
    }

    UUID org(String type) {
        return jdbc.sql("select o.id from organisation o join tenant t on t.id = o.tenant_id where t.code = 'demodorp' and o.type = ?")
                .param(type).query(UUID.class).single();
    }

    long version(String id) {
        return jdbc.sql("select version from dossier where id = ?").param(UUID.fromString(id)).query(Long.class).single();
    }

    String open(UUID person, String owner) throws Exception {
        String body = mvc.perform(as("demo-frontdesk", post("/api/v1/dossiers")).content("""
                        {"personId": "%s", "ownerId": "%s", "lifeDomains": ["DEBT", "WATER"]}""".formatted(person,
                        DemoRecords.user(jdbc, owner))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void openShareAndPartnerStepsWithUnseenMarksAndOptimisticLocking() throws Exception {
        String id = open(freshPerson(), "demo-socialworker");
        mvc.perform(as("demo-socialworker", post("/api/v1/dossiers/" + id + "/steps")).content("""
                {"kind": "HOME_VISIT", "visibility": "INTERNAL", "text": "Geheime notitie over de gezinssituatie"}"""))
                .andExpect(status().isCreated());
        mvc.perform(as("demo-socialworker", post("/api/v1/dossiers/" + id + "/steps")).content("""
                {"kind": "REFERRAL", "visibility": "SHARED", "text": "Doorverwezen naar schuldbemiddeling"}"""))
                .andExpect(status().isCreated());
        // Not shared yet: the partner does not see it.
        mvc.perform(as("demo-partner", get("/api/v1/dossiers/" + id))).andExpect(status().isNotFound());

        long v = version(id);
        mvc.perform(as("demo-socialworker", post("/api/v1/dossiers/" + id + "/shares")).content("""
                {"organisationId": "%s", "purpose": "schuldbemiddeling", "version": %d}""".formatted(org("DEBT_MEDIATION"), v)))
                .andExpect(status().isCreated());
        // The same version again is stale.
        mvc.perform(as("demo-socialworker", post("/api/v1/dossiers/" + id + "/shares")).content("""
                {"organisationId": "%s", "purpose": "energie", "version": %d}""".formatted(org("ENERGY_SCANNER"), v)))
                .andExpect(status().isConflict());

        mvc.perform(as("demo-partner", get("/api/v1/dossiers/" + id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.steps", hasSize(1)))
                .andExpect(jsonPath("$.steps[0].visibility").value("SHARED"))
                .andExpect(jsonPath("$.shares", hasSize(0)));
        mvc.perform(as("demo-partner", get("/api/v1/dossiers?owner=me"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id)));
        // A partner cannot write an internal step, and nothing is saved.
        mvc.perform(as("demo-partner", post("/api/v1/dossiers/" + id + "/steps")).content("""
                {"kind": "PARTNER_ACTION", "visibility": "INTERNAL", "text": "x"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("dossier.step.partnerShared"));
        mvc.perform(as("demo-partner", post("/api/v1/dossiers/" + id + "/steps")).content("""
                {"kind": "PARTNER_ACTION", "visibility": "SHARED", "text": "Budgetplan opgesteld met de schuldeisers"}"""))
                .andExpect(status().isCreated());

        mvc.perform(as("demo-socialworker", get("/api/v1/dossiers?owner=me"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].unseenPartnerSteps").value(1));
        mvc.perform(as("demo-socialworker", get("/api/v1/dossiers/" + id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.steps", hasSize(3)))
                .andExpect(jsonPath("$.steps[?(@.unseen == true)].text").value("Budgetplan opgesteld met de schuldeisers"));
        mvc.perform(as("demo-socialworker", get("/api/v1/dossiers?owner=me")))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].unseenPartnerSteps").value(0));

        mvc.perform(as("demo-socialworker", delete("/api/v1/dossiers/" + id + "/shares/" + org("DEBT_MEDIATION"))
                .param("version", String.valueOf(version(id))))).andExpect(status().isNoContent());
        mvc.perform(as("demo-partner", get("/api/v1/dossiers/" + id))).andExpect(status().isNotFound());

        mvc.perform(as("demo-socialworker", get("/api/v1/dossiers/" + id + "/audit"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem("demo-partner")))
                .andExpect(jsonPath("$[*].action", hasItem("CREATE")));
        mvc.perform(as("demo-teamlead", get("/api/v1/dossiers/" + id + "/audit"))).andExpect(status().isOk());
        mvc.perform(as("demo-socialworker-b", get("/api/v1/dossiers/" + id + "/audit"))).andExpect(status().isNotFound());
    }

    @Test
    void closingNeedsAReasonAndOnlyAllowedTransitions() throws Exception {
        String id = open(freshPerson(), "demo-socialworker-b");
        mvc.perform(as("demo-socialworker-b", post("/api/v1/dossiers/" + id + "/status")).header("Accept-Language", "en")
                        .content("""
                                {"status": "CLOSED", "version": %d}""".formatted(version(id))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Give the reason why the dossier is closed."));
        mvc.perform(as("demo-socialworker-b", post("/api/v1/dossiers/" + id + "/status")).content("""
                        {"status": "REOPENED", "version": %d}""".formatted(version(id))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("dossier.status.notAllowed"));
        mvc.perform(as("demo-socialworker-b", post("/api/v1/dossiers/" + id + "/status")).content("""
                        {"status": "CLOSED", "reason": "Schulden afbetaald", "version": %d}""".formatted(version(id))))
                .andExpect(status().isNoContent());
        mvc.perform(as("demo-socialworker-b", post("/api/v1/dossiers/" + id + "/status")).content("""
                        {"status": "REOPENED", "version": %d}""".formatted(version(id))))
                .andExpect(status().isNoContent());
        mvc.perform(as("demo-socialworker-b", get("/api/v1/dossiers/" + id)))
                .andExpect(jsonPath("$.status").value("REOPENED"))
                .andExpect(jsonPath("$.history[*].newValue", hasItem("CLOSED")));
    }

    @Test
    void theOwnerChangesTheLifeDomainsWithTheVersionSheRead() throws Exception {
        String id = open(freshPerson(), "demo-socialworker");
        long v = version(id);
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        mvc.perform(post("/dossiers/" + id + "/domains").param("version", String.valueOf(v)).param("lifeDomains", "HOUSING", "CARE")
                        .with(be.loket.support.Staff.as(users, "demo-socialworker")).with(csrf))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as("demo-socialworker", get("/api/v1/dossiers/" + id)))
                .andExpect(jsonPath("$.lifeDomains[0]").value("HOUSING")).andExpect(jsonPath("$.lifeDomains[1]").value("CARE"));
        // The same, stale, version again changes nothing.
        mvc.perform(post("/dossiers/" + id + "/domains").param("version", String.valueOf(v)).param("lifeDomains", "WORK")
                        .with(be.loket.support.Staff.as(users, "demo-socialworker")).with(csrf))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("conflict", true));
        mvc.perform(as("demo-socialworker", get("/api/v1/dossiers/" + id))).andExpect(jsonPath("$.lifeDomains", hasSize(2)));
    }

    @Test
    void openingValidatesOwnerAndRefusesASecondOngoingDossier() throws Exception {
        UUID person = freshPerson();
        mvc.perform(as("demo-frontdesk", post("/api/v1/dossiers")).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"));
        mvc.perform(as("demo-frontdesk", post("/api/v1/dossiers")).content("""
                        {"personId": "%s", "ownerId": "%s"}""".formatted(person, DemoRecords.user(jdbc, "demo-partner"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("dossier.owner.invalid"));
        assertThat(jdbc.sql("select count(*) from dossier where person_id = ?").param(person).query(Long.class).single()).isZero();
        open(person, "demo-socialworker");
        mvc.perform(as("demo-frontdesk", post("/api/v1/dossiers")).content("""
                        {"personId": "%s"}""".formatted(person)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("dossier.person.alreadyOpen"));
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** Two opens at the same moment make one dossier (ADR 0205). */
    @Test
    void twoSimultaneousOpensForTheSameCitizenMakeOneDossier() throws Exception {
        SimultaneousOpens.in(context).makeOneDossierFor(freshPerson());
    }

    @Test
    void aClosedDossierIsNotReopenedWhileAnotherIsOngoing() throws Exception {
        UUID person = freshPerson();
        String first = open(person, "demo-socialworker");
        mvc.perform(as("demo-socialworker", post("/api/v1/dossiers/" + first + "/status")).content("""
                {"status": "CLOSED", "reason": "Vraag opgelost", "version": %d}""".formatted(version(first)))).andExpect(status().isNoContent());
        String second = open(person, "demo-socialworker");
        mvc.perform(as("demo-socialworker", post("/api/v1/dossiers/" + first + "/status")).content("""
                        {"status": "REOPENED", "version": %d}""".formatted(version(first))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("dossier.status.otherOngoing"));
        mvc.perform(as("demo-socialworker", post("/api/v1/dossiers/" + second + "/status")).content("""
                {"status": "CLOSED", "reason": "Samengevoegd", "version": %d}""".formatted(version(second)))).andExpect(status().isNoContent());
        mvc.perform(as("demo-socialworker", post("/api/v1/dossiers/" + first + "/status")).content("""
                {"status": "REOPENED", "version": %d}""".formatted(version(first)))).andExpect(status().isNoContent());
        assertThat(jdbc.sql("select open_person_id from dossier where id = ?").param(UUID.fromString(first)).query(UUID.class).single())
                .isEqualTo(person);
    }

    @Test
    void myWorkComesInPagesOfFiftyMostRecentlyActiveFirst() throws Exception {
        String id = open(freshPerson(), "demo-teamlead");
        String first = mvc.perform(as("demo-teamlead", get("/api/v1/dossiers?owner=me"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(first, "$[0].id")).isEqualTo(id);
        assertThat(JsonPath.<java.util.List<Object>>read(first, "$")).hasSizeLessThanOrEqualTo(Dossiers.PAGE_SIZE);
        mvc.perform(as("demo-teamlead", get("/api/v1/dossiers?owner=me&page=1000"))).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(as("demo-teamlead", get("/api/v1/dossiers?owner=someone"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("dossier.api.ownerMe"));
    }

    @Test
    void aNewQuestionOfACitizenWithAnOngoingDossierIsAddedToIt() throws Exception {
        UUID person = freshPerson();
        String id = open(person, "demo-socialworker");
        UUID site = jdbc.sql("select s.id from site s join tenant t on t.id = s.tenant_id where t.code = 'demodorp' and s.kind = 'ANTENNA'")
                .query(UUID.class).single();
        String contact = mvc.perform(as("demo-frontdesk", post("/api/v1/contacts")).content("""
                        {"siteId": "%s", "channel": "PHONE", "personId": "%s", "themes": ["ENERGY"],
                         "question": "Nieuwe vraag over de budgetmeter", "outcome": "DOSSIER"}""".formatted(site, person)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location").replaceAll(".*/", "");
        mvc.perform(post("/dossiers/" + id + "/contacts").param("contactId", contact)
                        .with(be.loket.support.Staff.as(users, "demo-frontdesk"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/persons/" + person));
        mvc.perform(as("demo-socialworker", get("/api/v1/dossiers/" + id)))
                .andExpect(jsonPath("$.steps[?(@.text == 'Nieuwe vraag over de budgetmeter')].visibility").value("INTERNAL"));
        assertThat(jdbc.sql("select dossier_id from contact where id = ?").param(UUID.fromString(contact)).query(UUID.class).single())
                .isEqualTo(UUID.fromString(id));
    }

    @Test
    void readingTheAuditTrailIsAuditedAndTheAuditPageLeavesTheNewMarksAlone() throws Exception {
        String id = open(freshPerson(), "demo-socialworker");
        share(id);
        partnerStep(id, "Budgetgesprek gehad");

        mvc.perform(as("demo-teamlead", get("/api/v1/dossiers/" + id + "/audit"))).andExpect(status().isOk());
        assertThat(jdbc.sql("""
                select count(*) from audit_event where entity_type = 'DOSSIER' and entity_id = ? and action = 'READ'
                and username = 'demo-teamlead' and detail = 'audit trail'""").param(UUID.fromString(id)).query(Long.class).single())
                .isEqualTo(1);

        // The owner opens the audit page: its header names the citizen, but the partner step stays new.
        mvc.perform(get("/dossiers/" + id + "/audit").with(be.loket.support.Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString(personName(id))));
        mvc.perform(as("demo-socialworker", get("/api/v1/dossiers?owner=me")))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].unseenPartnerSteps").value(1));
        mvc.perform(as("demo-socialworker", get("/api/v1/dossiers/" + id)))
                .andExpect(jsonPath("$.steps[?(@.unseen == true)].text").value("Budgetgesprek gehad"));
        // Reading the file itself does clear them.
        mvc.perform(as("demo-socialworker", get("/api/v1/dossiers?owner=me")))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].unseenPartnerSteps").value(0));
    }

    @Test
    void afterReassigningPartnerStepsTheOldOwnerHadNotReadStayNewForTheNewOwner() throws Exception {
        String id = open(freshPerson(), "demo-socialworker");
        share(id);
        partnerStep(id, "Gelezen door de vorige eigenaar");
        mvc.perform(as("demo-socialworker", get("/api/v1/dossiers/" + id))).andExpect(status().isOk());
        partnerStep(id, "Nog door niemand gelezen");
        mvc.perform(post("/dossiers/" + id + "/owner").param("version", String.valueOf(version(id)))
                        .param("ownerId", DemoRecords.user(jdbc, "demo-socialworker-b").toString())
                        .with(be.loket.support.Staff.as(users, "demo-teamlead"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isFound());
        mvc.perform(as("demo-socialworker-b", get("/api/v1/dossiers?owner=me")))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].unseenPartnerSteps").value(1));
        mvc.perform(as("demo-socialworker-b", get("/api/v1/dossiers/" + id)))
                .andExpect(jsonPath("$.steps[?(@.unseen == true)].text").value("Nog door niemand gelezen"));
    }

    @Test
    void theTimelineShowsWhenEachStepWasRecorded() throws Exception {
        String id = open(freshPerson(), "demo-socialworker");
        String earlier = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).minusDays(3).toString();
        mvc.perform(as("demo-socialworker", post("/api/v1/dossiers/" + id + "/steps")).content("""
                {"kind": "PHONE_CALL", "visibility": "INTERNAL", "text": "Vandaag gebeld"}""")).andExpect(status().isCreated());
        mvc.perform(as("demo-socialworker", post("/api/v1/dossiers/" + id + "/steps")).content("""
                {"kind": "HOME_VISIT", "visibility": "INTERNAL", "text": "Huisbezoek van eerder", "occurredOn": "%s"}""".formatted(earlier)))
                .andExpect(status().isCreated());
        String page = mvc.perform(get("/dossiers/" + id).with(be.loket.support.Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // Recorded on the day it happened: the time only; written up afterwards: the day and time of recording.
        assertThat(page).containsPattern("<span class=\"recorded\">· \\d{2}:\\d{2} vastgelegd</span>")
                .containsPattern("<span class=\"recorded\">· vastgelegd op \\d{2}/\\d{2}/\\d{4} om \\d{2}:\\d{2}</span>");
    }

    void partnerStep(String id, String text) throws Exception {
        mvc.perform(as("demo-partner", post("/api/v1/dossiers/" + id + "/steps")).content("""
                {"kind": "PARTNER_ACTION", "visibility": "SHARED", "text": "%s"}""".formatted(text))).andExpect(status().isCreated());
    }

    void share(String id) throws Exception {
        mvc.perform(as("demo-socialworker", post("/api/v1/dossiers/" + id + "/shares")).content("""
                {"organisationId": "%s", "purpose": "schuldbemiddeling", "version": %d}""".formatted(org("DEBT_MEDIATION"), version(id))))
                .andExpect(status().isCreated());
    }

    String personName(String dossier) {
        return jdbc.sql("select p.first_name || ' ' || p.last_name from person p join dossier d on d.person_id = p.id where d.id = ?")
                .param(UUID.fromString(dossier)).query(String.class).single();
    }

    @Test
    void aDossierOpenedWithoutOwnerIsReassignedByTheTeamLeadFromTheUnassignedListWithHistory() throws Exception {
        UUID person = freshPerson();
        String id = JsonPath.read(mvc.perform(as("demo-frontdesk", post("/api/v1/dossiers")).content("""
                        {"personId": "%s"}""".formatted(person))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(as("demo-teamlead", get("/api/v1/dossiers/" + id))).andExpect(jsonPath("$.ownerId").doesNotExist());
        var teamLead = be.loket.support.Staff.as(users, "demo-teamlead");
        String form = "action=\"/dossiers/" + id + "/owner\"";
        mvc.perform(get("/dossiers/unassigned").with(teamLead)).andExpect(status().isOk())
                .andExpect(content().string(containsString(form)))
                .andExpect(content().string(containsString(personName(id))));
        var posted = mvc.perform(post("/dossiers/" + id + "/owner").param("version", String.valueOf(version(id)))
                        .param("ownerId", DemoRecords.user(jdbc, "demo-socialworker-b").toString()).param("back", "unassigned")
                        .with(teamLead).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/dossiers/unassigned"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("saved", true)).andReturn();
        // Back on the list (the flash lives in the stored session, so follow with its cookie): saved, and no longer on it.
        mvc.perform(get("/dossiers/unassigned").with(teamLead).header("Accept-Language", "nl")
                        .cookie(posted.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("De gegevens zijn bewaard.")))
                .andExpect(content().string(not(containsString(form))));
        mvc.perform(as("demo-socialworker-b", get("/api/v1/dossiers?owner=me"))).andExpect(jsonPath("$[*].id", hasItem(id)));
        mvc.perform(as("demo-teamlead", get("/api/v1/dossiers/" + id)))
                .andExpect(jsonPath("$.history[?(@.what == 'OWNER')].newValue", hasItem("Pieter-Jan Vervaeke")));
        mvc.perform(as("demo-socialworker", get("/api/v1/dossiers?owner=me"))).andExpect(jsonPath("$[*].id", not(hasItem(id))));
    }

}

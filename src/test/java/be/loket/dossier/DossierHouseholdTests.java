package be.loket.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.RunAs;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A dossier for the whole household (ADR 0204): opened for a member, seen from every current member. */
@LoketTest
class DossierHouseholdTests extends WebTestBase {
    @Autowired
    Dossiers dossiers;
    @Autowired
    People people;

    record Member(UUID person, UUID household) {
    }

    static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder r) {
        return r.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON);
    }

    /** Two current members of a Demodorp household without any dossier, neither with a dossier of their own. */
    List<Member> freshHousehold() {
        UUID household = jdbc.sql("""
                select h.id from household h join tenant t on t.id = h.tenant_id where t.code = 'demodorp'
                and (select count(*) from household_member m where m.household_id = h.id and m.valid_to is null) >= 2
                and not exists (select 1 from dossier d where d.household_id = h.id)
                and not exists (select 1 from household_member m join dossier d on d.person_id = m.person_id
                                where m.household_id = h.id and m.valid_to is null)
                order by h.id limit 1""").query(UUID.class).single();
        return jdbc.sql("select person_id from household_member where household_id = ? and valid_to is null order by person_id limit 2")
                .param(household).query(UUID.class).list().stream().map(p -> new Member(p, household)).toList();
    }

    String open(UUID person, UUID household) throws Exception {
        return JsonPath.read(mvc.perform(as("demo-frontdesk", post("/api/v1/dossiers")).content("""
                        {"personId": "%s", "householdId": "%s", "lifeDomains": ["DEBT"]}""".formatted(person, household)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    <T> T as(String user, Supplier<T> work) {
        return RunAs.user(users.loadUserByUsername(user), work);
    }

    @Test
    void aHouseholdDossierIsSeenFromEveryCurrentMemberAndShowsTheMembers() throws Exception {
        List<Member> members = freshHousehold();
        Member opener = members.get(0);
        Member other = members.get(1);
        String id = open(opener.person(), opener.household());
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = ? and action = 'CREATE' and detail like ?")
                .params(UUID.fromString(id), "%household=" + opener.household() + "%").query(Long.class).single()).isEqualTo(1);

        mvc.perform(as("demo-teamlead", get("/api/v1/dossiers/" + id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.householdId").value(opener.household().toString()))
                .andExpect(jsonPath("$.personId").value(opener.person().toString()));

        // The other member: the household's dossier is among theirs, and it is their current one.
        List<DossierSummary> ofOther = as("demo-socialworker", () -> dossiers.ofPerson(other.person()));
        assertThat(ofOther).extracting(DossierSummary::id).containsExactly(UUID.fromString(id));
        assertThat(ofOther.get(0).householdId()).isEqualTo(opener.household());
        Map<UUID, UUID> current = as("demo-socialworker", () -> dossiers.currentDossierOf(List.of(other.person(), opener.person())));
        assertThat(current).containsEntry(other.person(), UUID.fromString(id)).containsEntry(opener.person(), UUID.fromString(id));
        mvc.perform(get("/persons/" + other.person()).with(Staff.as(users, "demo-frontdesk"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Gezinsdossier: Open, eigenaar: nog niet toegewezen")));

        // The dossier page names every member and links to their pages.
        String otherName = jdbc.sql("select first_name || ' ' || last_name from person where id = ?").param(other.person())
                .query(String.class).single();
        mvc.perform(get("/dossiers/" + id).with(Staff.as(users, "demo-teamlead"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dossier van het hele gezin")))
                .andExpect(content().string(containsString("href=\"/persons/" + other.person() + "\">" + otherName.replace("'", "&#39;"))));

        // A question of the other member can be added to the household's dossier.
        UUID site = jdbc.sql("select s.id from site s join tenant t on t.id = s.tenant_id where t.code = 'demodorp' and s.kind = 'MAIN_OFFICE'")
                .query(UUID.class).single();
        String contact = mvc.perform(as("demo-frontdesk", post("/api/v1/contacts")).content("""
                        {"siteId": "%s", "channel": "WALK_IN", "personId": "%s", "themes": ["DEBT"],
                         "question": "Vraag van een ander gezinslid", "outcome": "DOSSIER"}""".formatted(site, other.person())))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location").replaceAll(".*/", "");
        mvc.perform(post("/dossiers/" + id + "/contacts").param("contactId", contact).with(Staff.as(users, "demo-frontdesk")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/persons/" + other.person()));
        mvc.perform(as("demo-teamlead", get("/api/v1/dossiers/" + id)))
                .andExpect(jsonPath("$.steps[*].text", hasItem("Vraag van een ander gezinslid")));

        // One ongoing dossier per household; a personal dossier of a member may still be opened.
        mvc.perform(as("demo-frontdesk", post("/api/v1/dossiers")).content("""
                        {"personId": "%s", "householdId": "%s"}""".formatted(other.person(), other.household())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("householdId"))
                .andExpect(jsonPath("$.errors[0].code").value("dossier.household.alreadyOpen"));
        mvc.perform(as("demo-frontdesk", post("/api/v1/dossiers")).content("""
                        {"personId": "%s"}""".formatted(other.person()))).andExpect(status().isCreated());
    }

    @Test
    void anotherMunicipalitysHouseholdIsNotFoundAndAHouseholdThePersonIsNotInIsRefused() throws Exception {
        Member member = freshHousehold().get(0);
        long before = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        UUID foreign = jdbc.sql("select h.id from household h join tenant t on t.id = h.tenant_id where t.code = 'voorbeeldegem' limit 1")
                .query(UUID.class).single();
        mvc.perform(as("demo-frontdesk", post("/api/v1/dossiers")).content("""
                        {"personId": "%s", "householdId": "%s"}""".formatted(member.person(), foreign)))
                .andExpect(status().isNotFound());
        UUID elsewhere = jdbc.sql("""
                select h.id from household h join tenant t on t.id = h.tenant_id where t.code = 'demodorp' and h.id <> ?
                and not exists (select 1 from household_member m where m.household_id = h.id and m.person_id = ?) order by h.id limit 1""")
                .params(member.household(), member.person()).query(UUID.class).single();
        mvc.perform(as("demo-frontdesk", post("/api/v1/dossiers")).header("Accept-Language", "en").content("""
                        {"personId": "%s", "householdId": "%s"}""".formatted(member.person(), elsewhere)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("householdId"))
                .andExpect(jsonPath("$.errors[0].code").value("dossier.household.notMember"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Choose the household this citizen lives in now: the citizen is not part of this household."));
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theFormOffersTheWholeHouseholdWhenTheCitizenLivesInOne() throws Exception {
        Member member = freshHousehold().get(0);
        mvc.perform(get("/dossiers/new").param("person", member.person().toString()).with(Staff.as(users, "demo-frontdesk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Voor het hele gezin: ")))
                .andExpect(content().string(containsString("value=\"" + member.household() + "\"")));
        mvc.perform(post("/dossiers").param("personId", member.person().toString()).param("householdId", member.household().toString())
                        .with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from dossier where household_id = ? and person_id = ? and status = 'OPEN'")
                .params(member.household(), member.person()).query(Long.class).single()).isEqualTo(1);
        // Someone without a household gets no such choice.
        UUID alone = as("demo-frontdesk", () -> people.create(new PersonDetails("Alleen", "Zondergezin", "1975-02-03", null,
                "Kerkstraat", "2", null, "9990", "Demodorp", null, null, "LETTER", "nl", false, null), true));
        mvc.perform(get("/dossiers/new").param("person", alone.toString()).with(Staff.as(users, "demo-frontdesk")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Voor het hele gezin"))));
    }
}

package be.loket.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import be.loket.support.Staff;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A user of Voorbeeldegem asks for a Demodorp citizen through every person endpoint of the API and the
 * UI, with rights that would be enough in their own municipality: every answer is 404, nothing leaks,
 * and nothing changes.
 */
@LoketTest
class TenantIsolationTests extends WebTestBase {

    static final String BODY = """
            {"firstName": "Ayşe", "lastName": "Gekaapt", "birthDate": "1984-03-12", "version": 0}""";

    /**
     * The ids a request may use: the Demodorp citizen and household asked for, and a Voorbeeldegem citizen
     * of the asking user's own municipality with their household's version (to try a foreign member).
     */
    record Ids(UUID foreignPerson, UUID foreignHousehold, UUID ownPerson, long ownHouseholdVersion) {
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("API GET person", (Endpoint) ids -> get("/api/v1/persons/" + ids.foreignPerson())),
                Arguments.of("API PUT person", (Endpoint) ids -> put("/api/v1/persons/" + ids.foreignPerson())
                        .contentType(MediaType.APPLICATION_JSON).content(BODY)),
                Arguments.of("API GET audit", (Endpoint) ids -> get("/api/v1/persons/" + ids.foreignPerson() + "/audit")),
                Arguments.of("API GET household", (Endpoint) ids -> get("/api/v1/households/" + ids.foreignHousehold())),
                Arguments.of("API POST household with foreign member", (Endpoint) ids -> post("/api/v1/households")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"members": [{"personId": "%s", "relation": "REFERENCE_PERSON"},
                                 {"personId": "%s", "relation": "CHILD"}]}""".formatted(ids.ownPerson(), ids.foreignPerson()))),
                Arguments.of("UI person page", (Endpoint) ids -> get("/persons/" + ids.foreignPerson())),
                Arguments.of("UI edit form", (Endpoint) ids -> get("/persons/" + ids.foreignPerson() + "/edit")),
                Arguments.of("UI update", (Endpoint) ids -> post("/persons/" + ids.foreignPerson())
                        .param("firstName", "X").param("lastName", "Y").param("version", "0")),
                Arguments.of("UI audit", (Endpoint) ids -> get("/persons/" + ids.foreignPerson() + "/audit")),
                Arguments.of("UI start household", (Endpoint) ids -> post("/persons/" + ids.foreignPerson() + "/household")),
                Arguments.of("UI add-member search", (Endpoint) ids -> get("/persons/" + ids.foreignPerson() + "/household/add")
                        .param("q", "Öztürk")),
                Arguments.of("UI add member to a foreign household", (Endpoint) ids -> post("/persons/" + ids.foreignPerson()
                        + "/household/members").param("memberId", ids.ownPerson().toString()).param("relation", "CHILD")
                        .param("version", "0")),
                Arguments.of("UI add a foreign member to the own household", (Endpoint) ids -> post("/persons/" + ids.ownPerson()
                        + "/household/members").param("memberId", ids.foreignPerson().toString()).param("relation", "CHILD")
                        .param("version", String.valueOf(ids.ownHouseholdVersion()))),
                Arguments.of("UI rights check", (Endpoint) ids -> get("/persons/" + ids.foreignPerson() + "/rights")),
                Arguments.of("UI record rights answers", (Endpoint) ids -> post("/persons/" + ids.foreignPerson() + "/rights")
                        .param("f.household.isTenant", "true").param("source", "CLIENT")));
    }

    interface Endpoint {
        MockHttpServletRequestBuilder request(Ids ids);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anotherMunicipalityGetsNotFound(String name, Endpoint endpoint) throws Exception {
        UUID person = DemoRecords.showcasePerson(jdbc);
        UUID own = jdbc.sql("""
                        select p.id from person p join tenant t on t.id = p.tenant_id
                        join household_member m on m.person_id = p.id and m.valid_to is null
                        where t.code = 'voorbeeldegem' order by p.search_name limit 1""")
                .query(UUID.class).single();
        Ids ids = new Ids(person, currentHousehold(person), own, householdVersion(own));
        String before = snapshot(person) + snapshot(own);
        MvcResult result = mvc.perform(name.startsWith("API")
                        ? endpoint.request(ids).with(httpBasic("demo-socialworker-v", "demo"))
                        : endpoint.request(ids).with(Staff.as(users, "demo-socialworker-v")).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).as(name).isEqualTo(404);
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Öztürk").doesNotContain("Kerkstraat");
        assertThat(snapshot(person) + snapshot(own)).as("nothing changed").isEqualTo(before);
    }

    /**
     * Registering a citizen with a national number that another municipality uses for its own citizen:
     * no candidates of that municipality, no "already taken", the registration simply succeeds.
     */
    @Test
    void registeringWithAnotherMunicipalitysNationalNumberRevealsNothing() throws Exception {
        UUID foreign = DemoRecords.showcasePerson(jdbc);
        String insz = jdbc.sql("select insz from person where id = ?").param(foreign).query(String.class).single();
        String body = """
                {"firstName": "Ayşe", "lastName": "Öztürk", "birthDate": "1984-03-12", "insz": "%s", "language": "nl"}""".formatted(insz);
        MvcResult result = mvc.perform(post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(httpBasic("demo-socialworker-v", "demo")))
                .andReturn();
        String answer = result.getResponse().getContentAsString();
        try {
            assertThat(result.getResponse().getStatus()).as(answer).isEqualTo(201);
            assertThat(answer).doesNotContain(foreign.toString()).doesNotContain("Kerkstraat").doesNotContain("candidates")
                    .doesNotContain("person.insz.taken");
        } finally {
            // The shared demo data stays as it was: other tests count on Voorbeeldegem not knowing this number.
            UUID created = jdbc.sql("select p.id from person p join tenant t on t.id = p.tenant_id where t.code = 'voorbeeldegem'"
                    + " and p.insz = ?").param(insz).query(UUID.class).optional().orElse(null);
            if (created != null) {
                jdbc.sql("delete from person where id = ?").param(created).update();
            }
        }
    }

    UUID currentHousehold(UUID person) {
        return jdbc.sql("select household_id from household_member where person_id = ? and valid_to is null")
                .param(person).query(UUID.class).single();
    }

    long householdVersion(UUID person) {
        return jdbc.sql("select version from household where id = ?").param(currentHousehold(person)).query(Long.class).single();
    }

    @Test
    void searchNeverReturnsAnotherMunicipalitysCitizens() throws Exception {
        String insz = jdbc.sql("select insz from person where id = ?").param(DemoRecords.showcasePerson(jdbc)).query(String.class).single();
        mvc.perform(get("/api/v1/persons").param("q", insz).with(httpBasic("demo-socialworker-v", "demo")))
                .andExpect(status().isOk()).andExpect(r -> assertThat(r.getResponse().getContentAsString()).isEqualTo("[]"));
        mvc.perform(get("/persons").param("q", "Ayşe Öztürk").param("birthDate", "1984-03-12").with(Staff.as(users, "demo-socialworker-v")))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).doesNotContain("Kerkstraat 12"));
    }

    /** The citizen, their memberships, their household's version and their recorded facts: what a leak could change. */
    String snapshot(UUID id) {
        return jdbc.sql("select first_name || last_name || version from person where id = ?").param(id).query(String.class).single()
                + jdbc.sql("select household_id || ':' || valid_from || ':' || coalesce(cast(valid_to as varchar(20)), '-')"
                        + " from household_member where person_id = ? order by valid_from, household_id").param(id).query(String.class).list()
                + householdVersion(id)
                + jdbc.sql("select count(*) from eligibility_fact where person_id = ?").param(id).query(Long.class).single();
    }
}

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
import java.util.List;
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

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("API GET person", (Endpoint) id -> get("/api/v1/persons/" + id)),
                Arguments.of("API PUT person", (Endpoint) id -> put("/api/v1/persons/" + id).contentType(MediaType.APPLICATION_JSON).content(BODY)),
                Arguments.of("API GET audit", (Endpoint) id -> get("/api/v1/persons/" + id + "/audit")),
                Arguments.of("API GET household", (Endpoint) id -> get("/api/v1/households/" + id)),
                Arguments.of("API POST household with foreign member", (Endpoint) id -> post("/api/v1/households")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"members\": [{\"personId\": \"" + id + "\", \"relation\": \"CHILD\"}]}")),
                Arguments.of("UI person page", (Endpoint) id -> get("/persons/" + id)),
                Arguments.of("UI edit form", (Endpoint) id -> get("/persons/" + id + "/edit")),
                Arguments.of("UI update", (Endpoint) id -> post("/persons/" + id).param("firstName", "X").param("lastName", "Y").param("version", "0")),
                Arguments.of("UI audit", (Endpoint) id -> get("/persons/" + id + "/audit")),
                Arguments.of("UI start household", (Endpoint) id -> post("/persons/" + id + "/household")));
    }

    interface Endpoint {
        MockHttpServletRequestBuilder request(UUID id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anotherMunicipalityGetsNotFound(String name, Endpoint endpoint) throws Exception {
        UUID person = DemoRecords.showcasePerson(jdbc);
        UUID household = jdbc.sql("select household_id from household_member where person_id = ? and valid_to is null")
                .param(person).query(UUID.class).single();
        UUID target = name.contains("household") && name.startsWith("API GET") ? household : person;
        String before = snapshot(person);
        var request = endpoint.request(target);
        for (String username : List.of("demo-socialworker-v")) {
            MvcResult result = mvc.perform(name.startsWith("API")
                            ? request.with(httpBasic(username, "demo"))
                            : request.with(Staff.as(users, username)).with(csrf()))
                    .andReturn();
            int status = result.getResponse().getStatus();
            if (name.contains("POST household")) {
                // Creating is allowed in one's own municipality; the foreign member is reported as unknown.
                assertThat(status).isEqualTo(400);
                assertThat(result.getResponse().getContentAsString()).contains("household.members.unknown");
            } else {
                assertThat(status).as(name).isEqualTo(404);
            }
            assertThat(result.getResponse().getContentAsString()).doesNotContain("Öztürk").doesNotContain("Kerkstraat");
        }
        assertThat(snapshot(person)).isEqualTo(before);
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

    String snapshot(UUID id) {
        return jdbc.sql("select first_name || last_name || version from person where id = ?").param(id).query(String.class).single();
    }
}

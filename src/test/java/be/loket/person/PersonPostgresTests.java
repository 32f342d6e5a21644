package be.loket.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.DemoRecords;
import be.loket.support.LoketPostgresTest;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The citizen register on a real PostgreSQL: migrations, demo data, search, optimistic locking, isolation. */
@LoketPostgresTest
class PersonPostgresTests {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgresqlWithMigrationsAndDemoData() throws Exception {
        try (var c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isBetween(280L, 340L);
    }

    @Test
    void searchForgivesAccentsAndTyposOnPostgresql() throws Exception {
        mvc.perform(get("/api/v1/persons").param("q", "ayse oztruk").with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.lastName == 'Öztürk' && @.birthDate == '1984-03-12')]").exists());
        // The hits are written with COPY on PostgreSQL; the showcase citizen's trail finds the search.
        mvc.perform(get("/api/v1/persons/" + DemoRecords.showcasePerson(jdbc) + "/audit").with(httpBasic("demo-teamlead", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.action == 'SEARCH' && @.username == 'demo-frontdesk' && @.detail =~ /results=.*/)]").exists());
    }

    @Test
    void createUpdateAndStaleVersionOnPostgresql() throws Exception {
        String body = """
                {"firstName": "Nadia", "lastName": "Postgreskova", "birthDate": "1990-05-17", "insz": "%s",
                 "street": "Veldstraat", "houseNumber": "3", "postalCode": "9990", "city": "Demodorp",
                 "preferredChannel": "LETTER", "language": "nl"}""".formatted(Insz.of(java.time.LocalDate.of(1990, 5, 17), 901).digits());
        String location = mvc.perform(post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String update = body.replace("\"Veldstraat\"", "\"Beekstraat\"").replace("}", ", \"version\": 0}");
        mvc.perform(put(location).contentType(MediaType.APPLICATION_JSON).content(update).with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.street").value("Beekstraat")).andExpect(jsonPath("$.version").value(1));
        mvc.perform(put(location).contentType(MediaType.APPLICATION_JSON).content(update).with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(status().isConflict());
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select action from audit_event where entity_id = ? order by occurred_at").param(id).query(String.class).list())
                .contains("CREATE", "UPDATE", "READ");
    }

    @Test
    void anotherMunicipalityGetsNotFoundOnPostgresql() throws Exception {
        UUID id = DemoRecords.showcasePerson(jdbc);
        mvc.perform(get("/api/v1/persons/" + id).with(httpBasic("demo-socialworker-v", "demo"))).andExpect(status().isNotFound());
    }
}

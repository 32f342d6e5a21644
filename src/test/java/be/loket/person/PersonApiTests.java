package be.loket.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@LoketTest
class PersonApiTests extends WebTestBase {
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    static String json(String firstName, String lastName, String birthDate, String insz) {
        return """
                {"firstName": %s, "lastName": %s, "birthDate": %s, "insz": %s, "street": "Schoolstraat", "houseNumber": "8",
                 "postalCode": "9990", "city": "Demodorp", "phone": "0499 00 12 34", "preferredChannel": "SMS", "language": "nl"}"""
                .formatted(q(firstName), q(lastName), q(birthDate), q(insz));
    }

    static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    static MockHttpServletRequestBuilder asFrontDesk(MockHttpServletRequestBuilder r) {
        return r.with(httpBasic("demo-frontdesk", "demo")).contentType(MediaType.APPLICATION_JSON);
    }

    long persons() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    @Test
    void createsReadsAndAuditsACitizen() throws Exception {
        String insz = Insz.of(LocalDate.of(1979, 11, 2), 555).formatted();
        String location = mvc.perform(asFrontDesk(post("/api/v1/persons")).content(json("Rania", "Apitestova", "1979-11-02", insz)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.insz").value(insz.replaceAll("\\D", "")))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getHeader("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location).with(httpBasic("demo-socialworker", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lastName").value("Apitestova"));
        var events = jdbc.sql("select action || ':' || username || ':' || channel from audit_event where entity_id = ? order by occurred_at")
                .param(id).query(String.class).list();
        assertThat(events).contains("CREATE:demo-frontdesk:API", "READ:demo-socialworker:API");
        mvc.perform(get(location + "/audit").with(httpBasic("demo-teamlead", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].action", hasItem("CREATE")));
        mvc.perform(get(location + "/audit").with(httpBasic("demo-admin", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].action", hasItem("CREATE")))
                .andExpect(jsonPath("$[*].username", hasItem("demo-socialworker")));
        mvc.perform(get(location + "/audit").with(httpBasic("demo-frontdesk", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get(location + "/audit").with(httpBasic("demo-socialworker", "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void refusesANationalNumberWhoseBirthDateCannotExist() throws Exception {
        long first9 = 850230033L; // 30 February 1985, with correct check digits
        String insz = String.format("%09d%02d", first9, 97 - (first9 % 97));
        long before = persons();
        mvc.perform(asFrontDesk(post("/api/v1/persons")).content(json("Feb", "Dertig", null, insz)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("insz"))
                .andExpect(jsonPath("$.errors[0].code").value("person.insz.invalid"));
        assertThat(persons()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "insz       | nl | Dit rijksregisternummer klopt niet. Controleer de 11 cijfers.",
            "insz       | fr | Ce numéro de registre national n’est pas correct. Vérifiez les 11 chiffres.",
            "insz       | en | This national number is not right. Check the 11 digits.",
            "firstName  | nl | Vul dit veld in.",
            "firstName  | fr | Remplissez ce champ.",
            "firstName  | en | Fill in this field.",
            "lastName   | nl | Dit is te lang: maximaal 100 tekens (nu 101).",
            "lastName   | fr | C’est trop long : 100 caractères au maximum (actuellement 101).",
            "lastName   | en | This is too long: at most 100 characters (now 101).",
            "birthDate  | nl | De geboortedatum ligt in de toekomst.",
            "birthDate  | fr | La date de naissance est dans le futur.",
            "birthDate  | en | The date of birth is in the future."})
    void refusesBadInputWithASpecificMessageInTheCallersLanguageAndSavesNothing(String field, String lang, String message)
            throws Exception {
        String body = switch (field) {
            case "insz" -> json("Jan", "Foutief", "1985-07-30", "85.07.30-033.29");
            case "firstName" -> json("  ", "Leeg", "1985-07-30", null);
            case "lastName" -> json("Lang", "x".repeat(101), "1985-07-30", null);
            default -> json("Toekomst", "Geboren", LocalDate.now().plusDays(1).toString(), null);
        };
        long before = persons();
        long auditBefore = jdbc.sql("select count(*) from audit_event where action = 'CREATE'").query(Long.class).single();
        mvc.perform(asFrontDesk(post("/api/v1/persons")).header("Accept-Language", lang).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
        assertThat(persons()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CREATE'").query(Long.class).single()).isEqualTo(auditBefore);
    }

    @Test
    void findsCitizensByMisspelledNameByInszAndByBirthDate() throws Exception {
        for (String name : new String[] {"Ozturk", "Özturk", "ozTÜRK"}) {
            mvc.perform(get("/api/v1/persons").param("q", name).with(httpBasic("demo-frontdesk", "demo")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$[*].lastName", hasItem("Öztürk")));
        }
        mvc.perform(get("/api/v1/persons").param("q", "ÖZTRÜK ayse").with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.birthDate == '1984-03-12')].lastName", hasItem("Öztürk")));
        String insz = jdbc.sql("select insz from person where id = ?").param(DemoRecords.showcasePerson(jdbc)).query(String.class).single();
        String formatted = Insz.parse(insz).get().formatted();
        mvc.perform(get("/api/v1/persons").param("q", formatted).with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].firstName").value("Ayşe"));
        mvc.perform(get("/api/v1/persons").param("q", "12/03/1984").with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].lastName", hasItem("Öztürk")));
        mvc.perform(get("/api/v1/persons").param("address", "kerkstraat 12").with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].lastName", hasItem("Öztürk")));
        mvc.perform(get("/api/v1/persons").param("birthDate", "31/02/1984").with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("birthDate"));
    }

    /** Events whose subjects include this citizen: searches and lookups that found them among others. */
    List<String> subjectEvents(UUID person) {
        return jdbc.sql("""
                        select e.action || ':' || e.username || ':' || e.channel || ':' || e.detail from audit_event_subject s
                        join audit_event e on e.id = s.event_id where s.entity_id = ? order by e.occurred_at, e.id""")
                .param(person).query(String.class).list();
    }

    long frontDeskEvents() {
        return jdbc.sql("select count(*) from audit_event where username = 'demo-frontdesk'").query(Long.class).single();
    }

    @Test
    void warnsAboutALikelyDuplicateUntilConfirmedAndAuditsShowingTheCandidates() throws Exception {
        String body = json("Ayse", "Ozturk", "1984-03-12", null);
        long before = persons();
        UUID showcase = DemoRecords.showcasePerson(jdbc);
        long eventsBefore = frontDeskEvents();
        int shownBefore = subjectEvents(showcase).size();
        mvc.perform(asFrontDesk(post("/api/v1/persons")).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.candidates[0].lastName").value("Öztürk"))
                .andExpect(jsonPath("$.candidates[?(@.id == '" + showcase + "')].address", hasItem("Kerkstraat 12, 9990 Demodorp")));
        assertThat(persons()).isEqualTo(before);
        // The candidates' names, birth dates and addresses were shown: that read survives the refused registration.
        assertThat(frontDeskEvents()).isEqualTo(eventsBefore + 1);
        assertThat(subjectEvents(showcase)).hasSize(shownBefore + 1)
                .last().asString().startsWith("SEARCH:demo-frontdesk:API:likely duplicates=");
        mvc.perform(asFrontDesk(post("/api/v1/persons")).content(body.replace("}", ", \"confirmNotDuplicate\": true}")))
                .andExpect(status().isCreated());
    }

    @Test
    void staleVersionIsRefusedWith409AndChangesNothing() throws Exception {
        String location = mvc.perform(asFrontDesk(post("/api/v1/persons")).content(json("Lukas", "Versiontest", "2001-01-01", null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String change = json("Lukas", "Versiontest", "2001-01-01", null).replace("0499 00 12 34", "0499 00 99 99");
        mvc.perform(asFrontDesk(put(location)).content(change.replace("}", ", \"version\": 0}"))).andExpect(status().isOk());
        mvc.perform(asFrontDesk(put(location)).header("Accept-Language", "en")
                        .content(change.replace("0499 00 99 99", "0499 00 11 11").replace("}", ", \"version\": 0}")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Someone else changed this in the meantime. Reload the details and try again."));
        mvc.perform(get(location).with(httpBasic("demo-frontdesk", "demo"))).andExpect(jsonPath("$.phone").value("0499 00 99 99"));
    }

    @Test
    void createsAHouseholdAndMovesAMemberWithHistory() throws Exception {
        String a = idOf(mvc.perform(asFrontDesk(post("/api/v1/persons")).content(json("Hana", "Gezinsproef", "1980-02-02", null)))
                .andReturn().getResponse().getHeader("Location"));
        String b = idOf(mvc.perform(asFrontDesk(post("/api/v1/persons")).content(json("Omar", "Gezinsproef", "2010-04-04", null)))
                .andReturn().getResponse().getHeader("Location"));
        String first = idOf(mvc.perform(asFrontDesk(post("/api/v1/households")).content("""
                        {"name": "Gezin Gezinsproef", "members": [{"personId": "%s", "relation": "REFERENCE_PERSON"},
                         {"personId": "%s", "relation": "CHILD"}]}""".formatted(a, b)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.members", hasSize(2)))
                .andReturn().getResponse().getHeader("Location"));
        // They have lived together for a month: a move today ends that membership yesterday.
        LocalDate today = LocalDate.now(BRUSSELS);
        jdbc.sql("update household_member set valid_from = ? where household_id = ?").params(today.minusDays(30), UUID.fromString(first))
                .update();
        String second = idOf(mvc.perform(asFrontDesk(post("/api/v1/households")).content("""
                        {"members": [{"personId": "%s", "relation": "REFERENCE_PERSON"}]}""".formatted(b)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location"));
        assertThat(jdbc.sql("select count(*) from household_member where person_id = ? and valid_to is null").param(UUID.fromString(b))
                .query(Long.class).single()).as("one household at a time").isEqualTo(1);
        assertThat(jdbc.sql("select valid_to from household_member where person_id = ? and household_id = ?")
                .params(UUID.fromString(b), UUID.fromString(first)).query(LocalDate.class).single())
                .as("the old membership ends the day before the move").isEqualTo(today.minusDays(1));

        mvc.perform(get("/api/v1/households/" + first).with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members", hasSize(1))).andExpect(jsonPath("$.members[0].personId").value(a))
                .andExpect(jsonPath("$.formerMembers", hasSize(1))).andExpect(jsonPath("$.formerMembers[0].personId").value(b))
                .andExpect(jsonPath("$.formerMembers[0].from").value(today.minusDays(30).toString()))
                .andExpect(jsonPath("$.formerMembers[0].to").value(today.minusDays(1).toString()));
        String yesterday = today.minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        mvc.perform(get("/persons/" + a).with(Staff.as(users, "demo-frontdesk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vroegere gezinsleden")))
                .andExpect(content().string(containsString("Omar Gezinsproef (Kind), van "
                        + today.minusDays(30).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " tot " + yesterday)));

        // The move is in the moved person's own trail, not only in the households'.
        mvc.perform(get("/api/v1/persons/" + b + "/audit").with(httpBasic("demo-teamlead", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].detail", hasItem("household " + first + " joined as CHILD")))
                .andExpect(jsonPath("$[*].detail", hasItem("household " + second + " joined as REFERENCE_PERSON, left household " + first)))
                // Reading the first household showed Omar's name and birth date as a former member.
                .andExpect(jsonPath("$[*].detail", hasItem("as member of household " + first)));

        // Someone unknown (or another municipality's citizen) is not found, without saying which.
        mvc.perform(asFrontDesk(post("/api/v1/households")).content("""
                        {"members": [{"personId": "%s", "relation": "CHILD"}]}""".formatted(UUID.randomUUID())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCitizensTrailShowsTheSearchesThatFoundThem() throws Exception {
        UUID id = UUID.fromString(idOf(mvc.perform(asFrontDesk(post("/api/v1/persons"))
                        .content(json("Wendelien", "Spoorzoeker", "1977-07-07", null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location")));
        mvc.perform(get("/api/v1/persons").param("q", "Wendelein Spoorzoeker").with(httpBasic("demo-socialworker", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem(id.toString())));
        mvc.perform(get("/persons").param("q", "spoorzoeker").with(Staff.as(users, "demo-frontdesk")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Spoorzoeker, Wendelien")));
        mvc.perform(get("/api/v1/persons/" + id + "/audit").with(httpBasic("demo-teamlead", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.action == 'SEARCH' && @.username == 'demo-socialworker' && @.channel == 'API')]", hasSize(1)))
                .andExpect(jsonPath("$[?(@.action == 'SEARCH' && @.username == 'demo-frontdesk' && @.channel == 'UI')]", hasSize(1)))
                .andExpect(jsonPath("$[?(@.action == 'CREATE')]", hasSize(1)));
    }

    @Test
    void searchHitsGiveTheAddressInTheCallersLanguage() throws Exception {
        mvc.perform(asFrontDesk(post("/api/v1/persons")).content(json("Bo", "Busadres", "1990-09-09", null)
                .replace("\"houseNumber\": \"8\"", "\"houseNumber\": \"8\", \"box\": \"3\"")))
                .andExpect(status().isCreated());
        for (String[] lang : new String[][] {{"nl", "Schoolstraat 8 bus 3"}, {"fr", "Schoolstraat 8 boîte 3"}, {"en", "Schoolstraat 8 box 3"}}) {
            mvc.perform(get("/api/v1/persons").param("q", "Bo Busadres").header("Accept-Language", lang[0])
                            .with(httpBasic("demo-frontdesk", "demo")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$[0].address").value(lang[1] + ", 9990 Demodorp"));
        }
    }

    static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void unauthenticatedAndMalformedCallsGetProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/persons").param("q", "x").header("Accept-Language", "fr"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.title").value("Veuillez vous connecter."));
        mvc.perform(asFrontDesk(post("/api/v1/persons")).content("{not json").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("The request cannot be read. Check the format of the data."));
        mvc.perform(get("/api/v1/persons/not-a-uuid").with(httpBasic("demo-frontdesk", "demo"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/persons").param("q", "Ozturk").with(httpBasic("demo-partner", "demo"))).andExpect(status().isNotFound());
    }
}

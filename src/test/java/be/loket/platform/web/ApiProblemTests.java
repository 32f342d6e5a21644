package be.loket.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Every failure of the API is an RFC 9457 problem detail in the caller's language (Dutch without
 * Accept-Language), also when no controller was chosen, and an unexpected failure tells nothing of its cause.
 */
@LoketTest
class ApiProblemTests extends WebTestBase {
    @Autowired
    ApiExceptionHandler apiHandler;
    @Autowired
    ApiRoutingExceptionHandler routingHandler;
    @Autowired
    LocaleResolver localeResolver;

    static MockHttpServletRequestBuilder in(String language, MockHttpServletRequestBuilder request) {
        request.with(httpBasic("demo-frontdesk", "demo"));
        return language.isEmpty() ? request : request.header("Accept-Language", language);
    }

    static void isProblem(ResultActions result, int status, String text) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(text))
                .andExpect(jsonPath("$.detail").value(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''       | Niet gevonden.",
            "fr-BE,fr | Introuvable.",
            "en       | Not found."})
    void anUnknownApiPathIsALocalizedProblem(String language, String text) throws Exception {
        isProblem(mvc.perform(in(language, get("/api/v1/no-such-thing"))), 404, text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''  | Deze bewerking is hier niet mogelijk.",
            "fr  | Cette opération n’est pas possible ici.",
            "en  | This operation is not possible here."})
    void aMethodTheApiDoesNotServeIsALocalizedProblem(String language, String text) throws Exception {
        var result = mvc.perform(in(language, delete("/api/v1/persons")));
        isProblem(result, 405, text);
        result.andExpect(header().exists("Allow"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''  | Dit soort gegevens kunnen we niet lezen. Stuur JSON (application/json).",
            "fr  | Nous ne pouvons pas lire ce type de données. Envoyez du JSON (application/json).",
            "en  | We cannot read this kind of data. Send JSON (application/json)."})
    void aWrongContentTypeIsALocalizedProblem(String language, String text) throws Exception {
        isProblem(mvc.perform(in(language, post("/api/v1/persons")).contentType(MediaType.TEXT_PLAIN).content("Jan")), 415, text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''  | Dit antwoord bestaat alleen als JSON. Vraag application/json.",
            "fr  | Cette réponse n’existe qu’en JSON. Demandez application/json.",
            "en  | This answer only exists as JSON. Ask for application/json."})
    void anAnswerTheApiCannotGiveIsALocalizedProblem(String language, String text) throws Exception {
        isProblem(mvc.perform(in(language, get("/api/v1/persons").param("q", "peeters")).accept(MediaType.APPLICATION_XML)),
                406, text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''  | Het verzoek kan niet gelezen worden. Controleer de vorm van de gegevens.",
            "fr  | La demande ne peut pas être lue. Vérifiez la forme des données.",
            "en  | The request cannot be read. Check the format of the data."})
    void malformedJsonIsALocalizedProblem(String language, String text) throws Exception {
        isProblem(mvc.perform(in(language, post("/api/v1/persons")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\": \"Jan\", ")), 400, text);
    }

    /**
     * Stands in for a controller that hits what nobody foresaw, e.g. a unique key taken by a concurrent request.
     * An inner (not static) class, so component scanning never adds it to the application.
     */
    @RestController
    class RacingController {
        @GetMapping("/api/v1/race")
        String race() {
            throw new DuplicateKeyException("duplicate key value violates unique constraint \"person_insz_key\" 85073100123");
        }

        @GetMapping("/api/v1/nobody")
        String nobody() {
            throw new AuthenticationCredentialsNotFoundException("No authenticated staff member");
        }
    }

    @Test
    void aMissingLoginInsideAControllerIsLeftToSpringSecurity() {
        // Not turned into a 500: it propagates to the security filter, whose entry point answers 401 (ApiProblemEntryPoint).
        MockMvc racing = MockMvcBuilders.standaloneSetup(new RacingController())
                .setControllerAdvice(apiHandler, routingHandler).setLocaleResolver(localeResolver).build();
        assertThatThrownBy(() -> racing.perform(get("/api/v1/nobody")))
                .hasRootCauseInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''  | Er ging iets mis bij ons. Probeer het later opnieuw. Blijft het misgaan, meld het dan aan de beheerder.",
            "fr  | Un problème est survenu chez nous. Réessayez plus tard. Si le problème persiste, signalez-le à l’administrateur.",
            "en  | Something went wrong on our side. Please try again later. If it keeps happening, tell the administrator."})
    void anUnexpectedFailureIsALocalizedProblemWithoutItsCause(String language, String text) throws Exception {
        // The application's own advices and locale resolution around a controller that fails (no extra Spring context).
        MockMvc racing = MockMvcBuilders.standaloneSetup(new RacingController())
                .setControllerAdvice(apiHandler, routingHandler).setLocaleResolver(localeResolver).build();
        var request = get("/api/v1/race");
        var result = racing.perform(language.isEmpty() ? request : request.header("Accept-Language", language));
        isProblem(result, 500, text);
        String body = result.andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Duplicate", "constraint", "person_insz_key", "85073100123", "at be.loket", "trace");
    }

    @Test
    void theStaffUiKeepsItsHtmlErrorPage() throws Exception {
        var response = mvc.perform(get("/no-such-page").with(Staff.as(users, "demo-frontdesk")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound()).andReturn().getResponse();
        // Not answered by a problem detail: left to the servlet container's error dispatch, which renders error/404.html.
        assertThat(response.getContentAsString()).isEmpty();
        assertThat(response.getContentType()).satisfiesAnyOf(type -> assertThat(type).isNull(),
                type -> assertThat(type).doesNotContain("json"));
    }

    @LocalServerPort
    int port;

    @Test
    void overRealHttpAnUnknownPageIsTheHtmlPageAndAnUnknownApiPathAProblem() throws Exception {
        // One client with the staff session cookie for both: the API still answers in the Accept-Language.
        var cookies = new CookieManager();
        var http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        String loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = Jsoup.parse(loginPage).selectFirst("input[name=_csrf]").attr("value");
        var form = "username=demo-frontdesk&password=demo&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        var loggedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        var page = http.send(HttpRequest.newBuilder(URI.create(base + "/no-such-page"))
                .header("Accept", "text/html").header("Accept-Language", "nl").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(Jsoup.parse(page.body()).selectFirst("h1").text()).isEqualTo("Niet gevonden");

        var api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/no-such-thing"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-frontdesk:demo".getBytes()))
                .header("Accept-Language", "fr").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"title\":\"Introuvable.\"");
    }
}

package be.loket.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The anonymous rights explorer: one question at a time, nothing stored, a useful result. */
@LoketTest
class ExplorerTests extends WebTestBase {

    /** The seed's single father on leefloon, as a citizen would answer. */
    static final Map<String, String> FATHER = Map.ofEntries(Map.entry("household.isTenant", "true"),
            Map.entry("household.monthlyRent", "650"), Map.entry("household.incomeLastThreeMonths", "4920"),
            Map.entry("household.category", "FAMILY"), Map.entry("household.onSocialHousingWaitingList", "true"),
            Map.entry("household.ownsRealEstate", "false"), Map.entry("household.receivesFlemishRentPremium", "false"),
            Map.entry("household.receivesFlemishRentSubsidy", "false"), Map.entry("household.receivesLeefloon", "true"),
            Map.entry("household.monthsOnLeefloon", "5"), Map.entry("household.hasEnergyDebt", "false"),
            Map.entry("household.hasWaterDebt", "true"));

    MockHttpServletResponse page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Accept-Language", "nl")).andReturn().getResponse();
    }

    /** Follows the form page by page, answering from the persona or "I don't know". */
    Document walk(Map<String, String> persona) throws Exception {
        Map<String, String> sent = new HashMap<>();
        MockHttpServletRequestBuilder next = get("/explorer/demodorp");
        for (int step = 0; step < 40; step++) {
            MockHttpServletResponse response = page(next);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("Set-Cookie")).as("no session, nothing stored").isNull();
            Document doc = Jsoup.parse(response.getContentAsString());
            Element form = doc.selectFirst("main form");
            if (form == null) {
                return doc;
            }
            next = get("/explorer/demodorp");
            for (Element hidden : form.select("input[type=hidden]")) {
                next = next.param(hidden.attr("name"), hidden.attr("value"));
            }
            Element input = form.selectFirst("input[type=radio], input#answer");
            String fact = input.attr("name").substring(2);
            assertThat(sent).as("a question is asked once").doesNotContainKey(fact);
            String answer = persona.get(fact);
            sent.put(fact, String.valueOf(answer));
            next = answer == null ? next.param("skip", fact) : next.param("f." + fact, answer);
        }
        throw new AssertionError("the explorer kept asking");
    }

    @Test
    void asksOneQuestionPerPageAndEndsWithTheRightsAndWhatToBring() throws Exception {
        Document result = walk(FATHER);
        String text = result.select("main").text();
        assertThat(text).contains("Hier heeft u waarschijnlijk recht op", "Sociaal tarief voor energie",
                "Afbetalingsplan met de watermaatschappij", "Uw huurcontract");
        // The savings are a worker's judgement: the rent allowance stays a "maybe" for the citizen.
        assertThat(result.select("main section").get(1).text()).contains("Huurtoelage van Demodorp");
    }

    @Test
    void firstQuestionIsTheFactMostOpenRightsNeed() throws Exception {
        Document doc = Jsoup.parse(page(get("/explorer/demodorp")).getContentAsString());
        assertThat(doc.select("main form input[type=radio], main form input#answer")).isNotEmpty();
        assertThat(doc.select("main h1").text()).isEqualTo("Rechtenverkenner");
        assertThat(doc.select("main form fieldset, main form .field")).hasSize(1);
    }

    @Test
    void unreadableAmountIsAskedAgainWithAnExplanation() throws Exception {
        Document doc = Jsoup.parse(page(get("/explorer/demodorp").param("f.household.monthlyRent", "veel"))
                .getContentAsString());
        assertThat(doc.select("#answer-error").text()).startsWith("Dit antwoord begrijpen we niet");
        assertThat(doc.select("input#answer").attr("name")).isEqualTo("f.household.monthlyRent");
    }

    @Test
    void startPageListsTheMunicipalities() throws Exception {
        MockHttpServletResponse response = page(get("/explorer"));
        assertThat(response.getStatus()).isEqualTo(200);
        Document doc = Jsoup.parse(response.getContentAsString());
        assertThat(doc.select("main a").eachAttr("href")).contains("/explorer/demodorp", "/explorer/voorbeeldegem");
    }

    @Test
    void unknownMunicipalityIsNotFound() throws Exception {
        assertThat(page(get("/explorer/nergensdorp")).getStatus()).isEqualTo(404);
    }
}

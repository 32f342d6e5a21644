package be.loket.applications;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.LoketTest;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Starting from a rights check over the API: the check's facts come along and the evaluation says what is still missing. */
@LoketTest
class ApplicationApiTests extends ApplicationTestBase {

    @Test
    void startFromARightsCheckWithItsFacts() throws Exception {
        UUID person = fx.freshPerson();
        mvc.perform(post("/api/v1/applications").with(httpBasic("demo-socialworker", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content("""
                                {"personId": "%s", "rightId": "huurtoelage", "facts": {"household.isTenant": "misschien"}}""".formatted(person)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("applications.fact.invalid.BOOLEAN"))
                .andExpect(jsonPath("$.errors[0].message").value("For household.isTenant the answer is yes (true) or no (false)."));
        String body = mvc.perform(post("/api/v1/applications").with(httpBasic("demo-socialworker", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"personId": "%s", "rightId": "huurtoelage",
                                 "facts": {"household.municipality": "demodorp", "household.isTenant": "true", "household.monthlyRent": "650"}}"""
                                .formatted(person)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        mvc.perform(get("/api/v1/applications/" + id).with(httpBasic("demo-socialworker", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.proofs.length()").value(4))
                .andExpect(jsonPath("$.facts[?(@.name == 'household.monthlyRent')].source").value("RIGHTS_CHECK"));
        mvc.perform(get("/api/v1/applications/" + id + "/evaluation").with(httpBasic("demo-socialworker", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("POSSIBLY"));
        mvc.perform(get("/api/v1/applications/" + id).with(httpBasic("demo-socialworker-v", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/applications").param("person", person.toString()).with(httpBasic("demo-socialworker", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
    }
}

package be.loket.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The menu shows each role its own entries (the layout asks {@link Navigation}, not a security expression per entry). */
@LoketTest
class NavigationTests extends WebTestBase {

    private static final List<String> ENTRIES = List.of("/persons", "/intake", "/dossiers", "/intake/overdue", "/applications",
            "/committee", "/outreach", "/campaigns", "/letters", "/admin/users", "/admin/organisations", "/admin/closing-days",
            "/admin/rules");

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "demo-frontdesk; /persons /intake /letters",
            "demo-socialworker; /persons /intake /dossiers /applications /outreach /campaigns /letters",
            "demo-teamlead; /persons /intake /dossiers /intake/overdue /applications /committee /outreach /campaigns /letters",
            "demo-partner; /dossiers",
            "demo-committee; /persons /applications /committee",
            "demo-admin; /persons /letters /admin/users /admin/organisations /admin/closing-days /admin/rules"})
    void eachRoleSeesItsOwnMenu(String username, String expected) throws Exception {
        String html = mvc.perform(get("/").with(Staff.as(users, username))).andReturn().getResponse().getContentAsString();
        String menu = html.substring(html.indexOf("<nav"), html.indexOf("</nav>"));
        List<String> shown = ENTRIES.stream().filter(e -> menu.contains("href=\"" + e + "\"")).toList();
        assertThat(shown).containsExactlyElementsOf(List.of(expected.split(" ")));
        assertThat(menu).contains("href=\"/catalog\"", "href=\"/explorer\"");
    }

    @Test
    void anonymousVisitorsGetNoMenuAndNoLogout() throws Exception {
        String html = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("href=\"/catalog\"").doesNotContain("action=\"/logout\"");
    }
}

package be.loket.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.SystemActor;
import be.loket.support.CapturedMessages;
import be.loket.support.DemoRecords;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Fictitious citizens with a personal link, and a MockMvc login through link and code, for the portal's tests. */
final class PortalFixture {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final AtomicInteger CLIENT = new AtomicInteger(1);

    final MockMvc mvc;
    final JdbcClient jdbc;
    final People people;
    final PersonalLinks links;

    PortalFixture(MockMvc mvc, JdbcClient jdbc, People people, PersonalLinks links) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.people = people;
        this.links = links;
    }

    UUID tenant(String code) {
        return DemoRecords.tenant(jdbc, code);
    }

    /** A new citizen who prefers e-mail, with a unique address. */
    UUID citizen(String tenantCode, String firstName) {
        int n = SEQ.incrementAndGet();
        String email = email(firstName, n);
        return SystemActor.runAs(tenant(tenantCode), "portal-test", () -> people.create(new PersonDetails(firstName, "Portaalproef" + n,
                null, null, "Kerkstraat", "5", null, "9990", "Demodorp", "+32 470 12 34 " + String.format("%02d", n % 100), email,
                "EMAIL", "nl", false, null), true));
    }

    static String email(String firstName, int n) {
        return firstName.toLowerCase() + ".portaal" + n + "@voorbeeld.example";
    }

    String emailOf(UUID person) {
        return jdbc.sql("select email from person where id = ?").param(person).query(String.class).single();
    }

    String link(String tenantCode, UUID person) {
        return links.issue(tenant(tenantCode), person);
    }

    static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** A client address of its own per test, so the limits per address of one test do not hit another. */
    static RequestPostProcessor newClient() {
        String ip = "10.9." + (CLIENT.get() / 250) + "." + (CLIENT.getAndIncrement() % 250 + 1);
        return from(ip);
    }

    static RequestPostProcessor from(String ip) {
        return r -> {
            r.setRemoteAddr(ip);
            return r;
        };
    }

    /**
     * One browser: keeps the cookies it gets (the session lives in the database behind the SESSION cookie,
     * so MockMvc's own session object is not used) and always comes from the same client address.
     */
    static final class Visitor {
        private final MockMvc mvc;
        private final RequestPostProcessor client;
        private final Map<String, Cookie> cookies = new LinkedHashMap<>();

        Visitor(MockMvc mvc, RequestPostProcessor client) {
            this.mvc = mvc;
            this.client = client;
        }

        ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
            if (!cookies.isEmpty()) {
                request.cookie(cookies.values().toArray(Cookie[]::new));
            }
            ResultActions result = mvc.perform(request.with(client));
            for (Cookie c : result.andReturn().getResponse().getCookies()) {
                if (c.getMaxAge() == 0) {
                    cookies.remove(c.getName());
                } else {
                    cookies.put(c.getName(), c);
                }
            }
            return result;
        }
    }

    /** Opens the link in a new browser. */
    Visitor open(String link) throws Exception {
        return open(link, newClient());
    }

    Visitor open(String link, RequestPostProcessor client) throws Exception {
        Visitor visitor = new Visitor(mvc, client);
        visitor.perform(get("/portal/l/" + token(link))).andExpect(redirectedUrl("/portal/login"));
        return visitor;
    }

    /** Opens the link, asks a code, reads it from the e-mail and types it in: a logged-in portal session. */
    Visitor logIn(String tenantCode, UUID person) throws Exception {
        Visitor visitor = open(link(tenantCode, person));
        visitor.perform(post("/portal/login/send").with(csrf())).andExpect(redirectedUrl("/portal/login/code?sent"));
        String code = CapturedMessages.lastCodeFor(emailOf(person)).orElseThrow();
        visitor.perform(post("/portal/login/code").param("code", code).with(csrf())).andExpect(redirectedUrl("/portal/home"));
        visitor.perform(get("/portal/home")).andExpect(status().isOk());
        return visitor;
    }
}

package be.loket.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.loket.identity.Provisioning;
import be.loket.intake.Contacts;
import be.loket.intake.NewContact;
import be.loket.platform.RunAs;
import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.Role;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every dossier and contact endpoint, UI and API, for every kind of user. Allowed calls succeed; every
 * other call answers 404 so that a record's existence is never revealed; and no response to a partner
 * ever holds an internal step. Each case gets its own fresh dossier, so cases cannot influence each other.
 */
@LoketTest
class AuthorisationMatrixTests {
    static final String PARTNER_WITHOUT_SHARE = "matrix-partner-energy";
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    enum Who {
        FRONT_DESK("demo-frontdesk"), OWNER("demo-socialworker"), OTHER_SOCIAL_WORKER("demo-socialworker-b"),
        TEAM_LEAD("demo-teamlead"), PARTNER_WITH_SHARE("demo-partner"), PARTNER_WITHOUT_SHARE(AuthorisationMatrixTests.PARTNER_WITHOUT_SHARE),
        OTHER_MUNICIPALITY("demo-socialworker-v");

        final String username;

        Who(String username) {
            this.username = username;
        }

        boolean partner() {
            return this == PARTNER_WITH_SHARE || this == PARTNER_WITHOUT_SHARE;
        }
    }

    /** What the test needs to address: a shared dossier with internal and shared steps, an open contact, a citizen without dossier. */
    record Fixture(UUID dossier, UUID contact, UUID personWithoutDossier, UUID site, UUID debtMediation, UUID energyScanner,
            long version, String internalMarker, String citizenName) {
    }

    static final Set<Who> INTAKE = EnumSet.of(Who.FRONT_DESK, Who.OWNER, Who.OTHER_SOCIAL_WORKER, Who.TEAM_LEAD);
    static final Set<Who> READERS = EnumSet.of(Who.OWNER, Who.OTHER_SOCIAL_WORKER, Who.TEAM_LEAD, Who.PARTNER_WITH_SHARE);
    static final Set<Who> MANAGERS = EnumSet.of(Who.OWNER, Who.TEAM_LEAD);
    static final Set<Who> LEAD = EnumSet.of(Who.TEAM_LEAD);
    /** Whose "my work" lists the dossier: its owner and the partner it is shared with. */
    static final Set<Who> LISTED = EnumSet.of(Who.OWNER, Who.PARTNER_WITH_SHARE);

    enum Endpoint {
        API_POST_CONTACT(true, INTAKE, false, f -> post("/api/v1/contacts").contentType(MediaType.APPLICATION_JSON).content("""
                {"siteId": "%s", "channel": "PHONE", "personId": "%s", "themes": ["WATER"], "question": "Waterfactuur", "outcome": "ANSWERED"}"""
                .formatted(f.site(), f.personWithoutDossier()))),
        API_GET_CONTACTS(true, INTAKE, false, f -> get("/api/v1/contacts").param("site", f.site().toString())),
        API_POST_DOSSIER(true, INTAKE, false, f -> post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\": \"%s\"}".formatted(f.personWithoutDossier()))),
        API_GET_DOSSIER(true, READERS, false, f -> get("/api/v1/dossiers/" + f.dossier())),
        API_MY_WORK(true, LISTED, true, f -> get("/api/v1/dossiers").param("owner", "me")),
        API_POST_STEP(true, READERS, false, f -> post("/api/v1/dossiers/" + f.dossier() + "/steps").contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"PHONE_CALL\", \"visibility\": \"SHARED\", \"text\": \"Gebeld\"}")),
        API_POST_STATUS(true, MANAGERS, false, f -> post("/api/v1/dossiers/" + f.dossier() + "/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"IN_FOLLOW_UP\", \"version\": %d}".formatted(f.version()))),
        API_POST_SHARE(true, MANAGERS, false, f -> post("/api/v1/dossiers/" + f.dossier() + "/shares").contentType(MediaType.APPLICATION_JSON)
                .content("{\"organisationId\": \"%s\", \"purpose\": \"energiescan\", \"version\": %d}".formatted(f.energyScanner(), f.version()))),
        API_DELETE_SHARE(true, MANAGERS, false, f -> delete("/api/v1/dossiers/" + f.dossier() + "/shares/" + f.debtMediation())
                .param("version", String.valueOf(f.version()))),
        API_GET_AUDIT(true, MANAGERS, false, f -> get("/api/v1/dossiers/" + f.dossier() + "/audit")),

        UI_DAY_VIEW(false, INTAKE, false, f -> get("/intake").param("site", f.site().toString())),
        UI_NEW_CONTACT_FORM(false, INTAKE, false, f -> get("/intake/new").param("person", f.personWithoutDossier().toString())),
        UI_POST_CONTACT(false, INTAKE, false, f -> post("/intake").param("siteId", f.site().toString()).param("channel", "WALK_IN")
                .param("personId", f.personWithoutDossier().toString()).param("themes", "WATER").param("question", "Factuur")
                .param("outcome", "ANSWERED")),
        UI_CONTACT_HANDLED(false, INTAKE, false, f -> post("/intake/" + f.contact() + "/handled").param("version", "0")),
        UI_OVERDUE(false, LEAD, false, f -> get("/intake/overdue")),
        UI_MY_WORK(false, LISTED, true, f -> get("/dossiers")),
        UI_UNASSIGNED(false, LEAD, false, f -> get("/dossiers/unassigned")),
        UI_NEW_DOSSIER_FORM(false, INTAKE, false, f -> get("/dossiers/new").param("person", f.personWithoutDossier().toString())),
        UI_POST_DOSSIER(false, INTAKE, false, f -> post("/dossiers").param("personId", f.personWithoutDossier().toString())),
        UI_ADD_CONTACT_TO_DOSSIER(false, INTAKE, false, f -> post("/dossiers/" + f.dossier() + "/contacts")
                .param("contactId", f.contact().toString())),
        UI_VIEW_DOSSIER(false, READERS, false, f -> get("/dossiers/" + f.dossier())),
        UI_POST_STEP(false, READERS, false, f -> post("/dossiers/" + f.dossier() + "/steps").param("kind", "NOTE")
                .param("visibility", "SHARED").param("text", "Nota")),
        UI_POST_STATUS(false, MANAGERS, false, f -> post("/dossiers/" + f.dossier() + "/status").param("version", String.valueOf(f.version()))
                .param("status", "IN_FOLLOW_UP")),
        UI_POST_DOMAINS(false, MANAGERS, false, f -> post("/dossiers/" + f.dossier() + "/domains")
                .param("version", String.valueOf(f.version())).param("lifeDomains", "DEBT", "HOUSING")),
        UI_POST_SHARE(false, MANAGERS, false, f -> post("/dossiers/" + f.dossier() + "/shares").param("version", String.valueOf(f.version()))
                .param("organisationId", f.energyScanner().toString()).param("purpose", "energiescan")),
        UI_END_SHARE(false, MANAGERS, false, f -> post("/dossiers/" + f.dossier() + "/shares/" + f.debtMediation() + "/end")
                .param("version", String.valueOf(f.version()))),
        UI_REASSIGN(false, LEAD, false, f -> post("/dossiers/" + f.dossier() + "/owner").param("version", String.valueOf(f.version()))
                .param("ownerId", "%s")),
        UI_AUDIT(false, MANAGERS, false, f -> get("/dossiers/" + f.dossier() + "/audit"));

        final boolean api;
        final Set<Who> allowed;
        /** A list every user may call: "not allowed" means the dossier is not in it. */
        final boolean listing;
        final Function<Fixture, MockHttpServletRequestBuilder> request;

        Endpoint(boolean api, Set<Who> allowed, boolean listing, Function<Fixture, MockHttpServletRequestBuilder> request) {
            this.api = api;
            this.allowed = allowed;
            this.listing = listing;
            this.request = request;
        }
    }

    static Stream<Arguments> matrix() {
        return Arrays.stream(Endpoint.values()).flatMap(e -> Arrays.stream(Who.values()).map(w -> Arguments.of(e, w)));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Provisioning provisioning;
    @Autowired
    People people;
    @Autowired
    Dossiers dossiers;
    @Autowired
    Contacts contacts;

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void allowedCallsSucceedOthersAreNotFoundAndPartnersNeverSeeInternalSteps(Endpoint endpoint, Who who) throws Exception {
        Fixture f = fixture();
        MockHttpServletRequestBuilder request = endpoint.request.apply(f);
        if (endpoint == Endpoint.UI_REASSIGN) {
            request = post("/dossiers/" + f.dossier() + "/owner").param("version", String.valueOf(f.version()))
                    .param("ownerId", DemoRecords.user(jdbc, "demo-socialworker-b").toString());
        }
        request = endpoint.api ? request.with(httpBasic(who.username, "demo")) : request.with(Staff.as(users, who.username)).with(csrf());
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString();
        boolean allowed = endpoint.allowed.contains(who);
        if (endpoint.listing) {
            assertThat(response.getStatus()).as("status").isEqualTo(200);
            if (allowed) {
                assertThat(body).as("the list holds the dossier").contains(f.dossier().toString());
            } else {
                assertThat(body).as("the list does not hold the dossier").doesNotContain(f.dossier().toString());
            }
        } else if (allowed) {
            assertThat(response.getStatus()).as("status of an allowed call; body: %s", body).isBetween(200, 399);
            if (response.getStatus() >= 300) {
                assertThat(response.getRedirectedUrl()).doesNotContain("/login").doesNotContain("error");
            }
        } else {
            assertThat(response.getStatus()).as("status of a refused call").isEqualTo(404);
        }
        if (who.partner()) {
            assertThat(body).as("a partner never sees an internal step").doesNotContain(f.internalMarker());
        }
        if (!allowed) {
            assertThat(body).as("a refused call reveals nothing of the citizen").doesNotContain(f.citizenName());
        }
    }

    // ------------------------------------------------------------ fixture

    Fixture fixture() {
        ensurePartnerWithoutShare();
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        UUID site = jdbc.sql("select id from site where tenant_id = ? and kind = 'MAIN_OFFICE'").param(tenant).query(UUID.class).single();
        UUID debt = org(tenant, "DEBT_MEDIATION");
        UUID energy = org(tenant, "ENERGY_SCANNER");
        int n = SEQUENCE.incrementAndGet();
        String marker = "INTERN-GEHEIM-" + UUID.randomUUID();
        String lastName = "Dossierova" + letters(n);
        UUID withDossier = as("demo-frontdesk", () -> person("Matrixa", lastName));
        UUID without = as("demo-frontdesk", () -> person("Matrixo", "Zonderdossier" + letters(n)));
        UUID contact = as("demo-frontdesk", () -> contacts.register(new NewContact(site, "WALK_IN", withDossier, List.of("DEBT"),
                "Schulden bij de energieleverancier", "TO_ANSWER", null, 10, null)));
        UUID owner = DemoRecords.user(jdbc, "demo-socialworker");
        UUID dossier = as("demo-socialworker", () -> {
            UUID id = dossiers.open(new be.loket.dossier.OpenDossier(withDossier, owner, null, List.of("DEBT")));
            dossiers.addStep(id, new NewStep("HOME_VISIT", "INTERNAL", marker, null));
            dossiers.addStep(id, new NewStep("REFERRAL", "SHARED", "Doorverwezen naar schuldbemiddeling", null));
            dossiers.share(id, version(id), debt, "schuldbemiddeling");
            return id;
        });
        as("demo-partner", () -> dossiers.addStep(dossier, new NewStep("PARTNER_ACTION", "SHARED", "Intake bij schuldbemiddeling", null)));
        return new Fixture(dossier, contact, without, site, debt, energy, version(dossier), marker, lastName);
    }

    private static String letters(int n) {
        // Names hold letters only; the sequence keeps fixtures apart.
        // Fixed width, so that no fixture's name is the start of another's.
        StringBuilder b = new StringBuilder();
        for (int i = 0, rest = n; i < 4; i++, rest /= 26) {
            b.append((char) ('a' + rest % 26));
        }
        return b.toString();
    }

    private UUID person(String first, String last) {
        return people.create(new PersonDetails(first, last, "1980-05-05", null, "Kerkstraat", "1", null, "9990", "Demodorp",
                null, null, "LETTER", "nl", false, null), true);
    }

    private long version(UUID dossier) {
        return jdbc.sql("select version from dossier where id = ?").param(dossier).query(Long.class).single();
    }

    private UUID org(UUID tenant, String type) {
        return jdbc.sql("select id from organisation where tenant_id = ? and type = ?").params(tenant, type).query(UUID.class).single();
    }

    private synchronized void ensurePartnerWithoutShare() {
        if (jdbc.sql("select count(*) from app_user where username = ?").param(PARTNER_WITHOUT_SHARE).query(Long.class).single() == 0) {
            UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
            provisioning.user(tenant, org(tenant, "ENERGY_SCANNER"), PARTNER_WITHOUT_SHARE, "Matrix Energiescanner", "demo",
                    Set.of(Role.PARTNER));
        }
    }

    private <T> T as(String username, Supplier<T> work) {
        return RunAs.user(users.loadUserByUsername(username), work);
    }
}

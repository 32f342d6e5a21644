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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
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
 * Every dossier and contact endpoint, UI and API, for every kind of user. An allowed call answers its own
 * status (200, 201, 204, or a 302 to the page it must lead to, so a form that silently re-renders with a
 * validation message fails), and the database shows that it did what was asked; every other call answers
 * 404 so that a record's existence is never revealed; and no response to a partner ever holds an internal
 * step. Each case gets its own fresh dossiers, so cases cannot influence each other.
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

    /**
     * What the test needs to address: a shared dossier with internal and shared steps of a citizen, an open contact of
     * that citizen, a citizen without dossier, a dossier without owner, and the colleague a dossier is reassigned to.
     */
    record Fixture(UUID dossier, UUID person, UUID contact, UUID personWithoutDossier, UUID unassigned, UUID site, UUID debtMediation,
            UUID energyScanner, UUID newOwner, long version, String internalMarker, String citizenName) {
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
        API_GET_CONTACT(true, INTAKE, false, f -> get("/api/v1/contacts/" + f.contact())),
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
        UI_REASSIGN_FROM_UNASSIGNED(false, LEAD, false, f -> post("/dossiers/" + f.unassigned() + "/owner")
                .param("version", "0").param("ownerId", f.newOwner().toString()).param("back", "unassigned")),
        UI_NEW_DOSSIER_FORM(false, INTAKE, false, f -> get("/dossiers/new").param("person", f.personWithoutDossier().toString())),
        UI_NEW_DOSSIER_FORM_FROM_CONTACT(false, INTAKE, false, f -> get("/dossiers/new").param("contact", f.contact().toString())),
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
                .param("ownerId", f.newOwner().toString())),
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
            Expected expected = expected(endpoint, who, f);
            assertThat(response.getStatus()).as("status of an allowed call; body: %s", body).isEqualTo(expected.status());
            if (expected.status() == 302) {
                assertThat(response.getRedirectedUrl()).as("where an allowed form post leads").isEqualTo(expected.location().get());
            }
            assertThat(expected.done().getAsBoolean()).as("the allowed call did what it was asked to do").isTrue();
            assertThat(body).as("the answer shows what was asked for").contains(expected.shows());
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

    // ------------------------------------------------------------ what an allowed call must do

    /** The status an allowed call answers, where a redirect leads, and a check that the change (or read) really happened. */
    record Expected(int status, Supplier<String> location, BooleanSupplier done, String shows) {
        static Expected ok(BooleanSupplier done) {
            return new Expected(200, () -> null, done, "");
        }

        static Expected created(BooleanSupplier done) {
            return new Expected(201, () -> null, done, "");
        }

        static Expected noContent(BooleanSupplier done) {
            return new Expected(204, () -> null, done, "");
        }

        static Expected redirect(Supplier<String> location, BooleanSupplier done) {
            return new Expected(302, location, done, "");
        }

        /** The answer must hold this (e.g. the id of the record read). */
        Expected showing(Object text) {
            return new Expected(status, location, done, text.toString());
        }
    }

    Expected expected(Endpoint endpoint, Who who, Fixture f) {
        String toDossier = "/dossiers/" + f.dossier();
        BooleanSupplier nothing = () -> true;
        return switch (endpoint) {
            case API_POST_CONTACT -> Expected.created(() -> count("select count(*) from contact where person_id = ? and question = 'Waterfactuur'",
                    f.personWithoutDossier()) == 1);
            case API_MY_WORK, UI_MY_WORK, UI_DAY_VIEW, UI_OVERDUE -> Expected.ok(nothing);
            case API_GET_CONTACTS -> Expected.ok(nothing).showing(f.contact());
            case UI_NEW_CONTACT_FORM, UI_NEW_DOSSIER_FORM -> Expected.ok(nothing).showing(f.personWithoutDossier());
            case API_GET_DOSSIER, UI_VIEW_DOSSIER, API_GET_AUDIT -> Expected.ok(() -> audited("DOSSIER", f.dossier(), who, "READ"))
                    .showing(f.dossier());
            case UI_AUDIT -> Expected.ok(() -> audited("DOSSIER", f.dossier(), who, "READ")).showing(f.citizenName());
            case API_GET_CONTACT, UI_NEW_DOSSIER_FORM_FROM_CONTACT -> Expected.ok(() -> audited("CONTACT", f.contact(), who, "READ"))
                    .showing(f.contact());
            case UI_UNASSIGNED -> Expected.ok(nothing).showing(f.unassigned());
            case API_POST_DOSSIER -> Expected.created(() -> count("select count(*) from dossier where person_id = ?", f.personWithoutDossier()) == 1);
            case API_POST_STEP -> Expected.created(() -> count("select count(*) from dossier_step where dossier_id = ? and body = 'Gebeld'",
                    f.dossier()) == 1);
            case API_POST_STATUS -> Expected.noContent(() -> inFollowUp(f));
            case API_POST_SHARE -> Expected.created(() -> shared(f, f.energyScanner()));
            case API_DELETE_SHARE -> Expected.noContent(() -> !shared(f, f.debtMediation()));
            case UI_POST_CONTACT -> Expected.redirect(() -> "/intake?site=" + f.site(),
                    () -> count("select count(*) from contact where person_id = ? and question = 'Factuur'", f.personWithoutDossier()) == 1);
            case UI_CONTACT_HANDLED -> Expected.redirect(() -> "/intake?site=" + f.site() + "&date=" + jdbc.sql(
                            "select occurred_on from contact where id = ?").param(f.contact()).query(LocalDate.class).single(),
                    () -> count("select count(*) from contact where id = ? and handled_at is not null", f.contact()) == 1);
            case UI_REASSIGN_FROM_UNASSIGNED -> Expected.redirect(() -> "/dossiers/unassigned", () -> ownedBy(f.unassigned(), f.newOwner()));
            case UI_REASSIGN -> Expected.redirect(() -> toDossier, () -> ownedBy(f.dossier(), f.newOwner()));
            // The front desk does not read dossiers: it goes back to the citizen; case workers go to the file.
            case UI_POST_DOSSIER -> Expected.redirect(() -> who == Who.FRONT_DESK ? "/persons/" + f.personWithoutDossier()
                    : "/dossiers/" + jdbc.sql("select id from dossier where person_id = ?").param(f.personWithoutDossier()).query(UUID.class).single(),
                    () -> count("select count(*) from dossier where person_id = ?", f.personWithoutDossier()) == 1);
            case UI_ADD_CONTACT_TO_DOSSIER -> Expected.redirect(() -> who == Who.FRONT_DESK ? "/persons/" + f.person() : toDossier,
                    () -> count("select count(*) from contact where id = ? and dossier_id = ? and handled_at is not null", f.contact(),
                            f.dossier()) == 1);
            case UI_POST_STEP -> Expected.redirect(() -> toDossier,
                    () -> count("select count(*) from dossier_step where dossier_id = ? and body = 'Nota'", f.dossier()) == 1);
            case UI_POST_STATUS -> Expected.redirect(() -> toDossier, () -> inFollowUp(f));
            case UI_POST_DOMAINS -> Expected.redirect(() -> toDossier, () -> "HOUSING,DEBT".equals(
                    jdbc.sql("select life_domains from dossier where id = ?").param(f.dossier()).query(String.class).single()));
            case UI_POST_SHARE -> Expected.redirect(() -> toDossier, () -> shared(f, f.energyScanner()));
            case UI_END_SHARE -> Expected.redirect(() -> toDossier, () -> !shared(f, f.debtMediation()));
        };
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private boolean audited(String type, UUID entity, Who who, String action) {
        return count("select count(*) from audit_event where entity_type = ? and entity_id = ? and username = ? and action = ?",
                type, entity, who.username, action) > 0;
    }

    private boolean inFollowUp(Fixture f) {
        return count("select count(*) from dossier where id = ? and status = 'IN_FOLLOW_UP' and version = ?", f.dossier(), f.version() + 1) == 1;
    }

    private boolean shared(Fixture f, UUID organisation) {
        return count("select count(*) from dossier_share where dossier_id = ? and organisation_id = ? and ended_at is null", f.dossier(),
                organisation) == 1;
    }

    private boolean ownedBy(UUID dossier, UUID owner) {
        return count("select count(*) from dossier where id = ? and owner_id = ?", dossier, owner) == 1;
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
        // Opened at the desk without owner: on the team lead's list of unassigned dossiers.
        UUID ownerless = as("demo-frontdesk", () -> person("Matrixu", "Zondereigenaar" + letters(n)));
        UUID unassigned = as("demo-frontdesk", () -> dossiers.open(new be.loket.dossier.OpenDossier(ownerless, null, null, List.of())));
        return new Fixture(dossier, withDossier, contact, without, unassigned, site, debt, energy, DemoRecords.user(jdbc, "demo-socialworker-b"),
                version(dossier), marker, lastName);
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

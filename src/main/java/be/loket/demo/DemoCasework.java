package be.loket.demo;

import be.loket.dossier.Dossiers;
import be.loket.dossier.NewStep;
import be.loket.dossier.OpenDossier;
import be.loket.identity.Directory;
import be.loket.identity.Organisation;
import be.loket.identity.OrganisationType;
import be.loket.identity.Site;
import be.loket.intake.Contacts;
import be.loket.intake.NewContact;
import be.loket.platform.RunAs;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Front-desk contacts of the past weeks (some overdue) and dossiers for about a third of the demo
 * citizens, with steps of every kind. Several of demo-socialworker's dossiers are shared with the debt
 * mediation partner and hold internal, shared and (still unseen) partner steps; one household has a dossier
 * of the whole household. Everything is done as
 * the demo user who would do it in real life, through the same services, so the audit trail is real.
 */
@Component
class DemoCasework {
    private static final Logger log = LoggerFactory.getLogger(DemoCasework.class);
    private static final String[] OWNERS = {"demo-socialworker", "demo-socialworker-b", "demo-teamlead", "demo-specialist"};
    private static final String[] THEMES = {"HOUSING", "WATER", "ENERGY", "DEBT", "INCOME", "WORK", "FAMILY", "CARE", "ADMINISTRATION"};
    private static final String[] CHANNELS = {"WALK_IN", "WALK_IN", "WALK_IN", "PHONE", "PHONE", "EMAIL", "LETTER", "HOME_VISIT",
            "OUTREACH_EVENT", "PARTNER_REFERRAL"};
    private static final String[][] QUESTIONS = {
            {"HOUSING", "Mijn huurbaas wil de huur verhogen, mag dat zomaar?"},
            {"HOUSING", "Hoe schrijf ik me in voor een sociale woning?"},
            {"WATER", "Mijn waterfactuur is veel hoger dan vorig jaar."},
            {"WATER", "Ik kreeg een brief dat het water afgesloten wordt."},
            {"ENERGY", "Mijn budgetmeter staat bijna op nul."},
            {"ENERGY", "Heb ik recht op het sociaal tarief voor gas en elektriciteit?"},
            {"DEBT", "Ik kan mijn facturen niet meer betalen en krijg brieven van een incassobureau."},
            {"INCOME", "Mijn uitkering is gestopt, wat nu?"},
            {"INCOME", "Kan ik een huurtoelage krijgen?"},
            {"WORK", "Ik zoek hulp bij het schrijven van een sollicitatiebrief."},
            {"FAMILY", "Waar kan ik terecht voor kinderopvang met een klein inkomen?"},
            {"CARE", "Mijn moeder heeft thuishulp nodig."},
            {"ADMINISTRATION", "Ik begrijp deze brief van de belastingen niet."}};
    private static final String[][] STEP_TEXTS = {
            {"NOTE", "Eerste gesprek: situatie in kaart gebracht, rechtenonderzoek gestart."},
            {"NOTE", "Rechtenonderzoek afgerond: recht op sociaal tarief en verhoogde tegemoetkoming."},
            {"PHONE_CALL", "Cliënt gebeld om afspraak te bevestigen."},
            {"PHONE_CALL", "Met de waterleverancier gebeld over een afbetalingsplan."},
            {"LETTER", "Brief gestuurd met de lijst van mee te brengen documenten."},
            {"HOME_VISIT", "Huisbezoek samen met een collega: vochtproblemen in de slaapkamer vastgesteld."},
            {"REFERRAL", "Doorverwezen naar de energiesnoeiers voor een energiescan."},
            {"REFERRAL", "Doorverwezen naar schuldbemiddeling voor een budgetbegeleiding."},
            {"DECISION", "BCSD besliste: tussenkomst in de huurwaarborg toegekend."},
            {"DOCUMENT", "Loonfiches van de laatste drie maanden ontvangen."}};
    private static final String[] PARTNER_STEPS = {
            "Intakegesprek schuldbemiddeling gehad; schuldenoverzicht opgemaakt.",
            "Afbetalingsplan met drie schuldeisers afgesproken.",
            "Cliënt kwam niet naar de afspraak; nieuwe afspraak voorgesteld."};
    private static final String[] CLOSE_REASONS = {"Vraag opgelost", "Cliënt verhuisd naar een andere gemeente",
            "Begeleiding overgenomen door het CAW"};

    private final UserDetailsService users;
    private final Directory directory;
    private final Contacts contacts;
    private final Dossiers dossiers;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoCasework(UserDetailsService users, Directory directory, Contacts contacts, Dossiers dossiers, JdbcClient jdbc,
            TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.directory = directory;
        this.contacts = contacts;
        this.dossiers = dossiers;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    void load() {
        tx.executeWithoutResult(status -> {
            demodorp(new Random(20260521L));
            voorbeeldegem(new Random(20260525L));
        });
        log.info("Demo casework loaded: contacts of the past weeks and dossiers for about a third of the citizens");
    }

    private void demodorp(Random random) {
        List<UUID> citizens = citizens("demodorp");
        List<Site> sites = as("demo-frontdesk", directory::sites);
        UUID debtMediation = as("demo-socialworker", () -> directory.partners().stream()
                .filter(o -> o.type() == OrganisationType.DEBT_MEDIATION).map(Organisation::id).findFirst().orElseThrow());
        // The showcase citizen stays without dossier, for the walk-through.
        UUID showcase = jdbc.sql("select id from person where first_name = 'Ayşe' and last_name = 'Öztürk' and birth_date = date '1984-03-12'")
                .query(UUID.class).optional().orElse(null);
        citizens.remove(showcase);

        // About 120 contacts over the past four weeks; older open ones are overdue.
        for (int i = 0; i < 120; i++) {
            UUID person = random.nextInt(5) == 0 ? null : citizens.get(random.nextInt(citizens.size()));
            String[] q = QUESTIONS[random.nextInt(QUESTIONS.length)];
            String outcome = person == null ? "ANSWERED" : pick(random, "ANSWERED", "ANSWERED", "ANSWERED", "REFERRED", "APPOINTMENT",
                    "TO_ANSWER");
            Site site = sites.get(random.nextInt(sites.size()));
            String by = random.nextInt(4) == 0 ? "demo-socialworker" : "demo-frontdesk";
            LocalDateTime when = weekdayInPast(random, 1 + random.nextInt(27));
            as(by, () -> contacts.register(new NewContact(site.id(), pick(random, CHANNELS), person,
                    random.nextInt(4) == 0 ? List.of(q[0], pick(random, THEMES)) : List.of(q[0]), q[1], outcome,
                    outcome.equals("REFERRED") ? "Huurdersbond Demoland" : null, 5 + random.nextInt(40), when.toString())));
        }

        // Dossiers for about a third of the citizens.
        List<UUID> withDossier = new ArrayList<>(citizens);
        Collections.shuffle(withDossier, random);
        int sharedOfSamira = 0;
        // A third of all citizens, children included, get a dossier; the holders are adults.
        int target = Math.min(withDossier.size(), count("demodorp") / 3);
        for (int i = 0; i < target; i++) {
            UUID person = withDossier.get(i);
            String owner = i % 10 == 9 ? null : OWNERS[i % OWNERS.length];
            String opener = owner == null || i % 3 == 0 ? "demo-frontdesk" : owner;
            UUID ownerId = owner == null ? null : as(opener, () -> userId(owner));
            String domain = pick(random, THEMES);
            UUID id;
            if (i % 4 == 0) {
                // Opened from a contact at the front desk: the question becomes the first note.
                UUID contact = as("demo-frontdesk", () -> contacts.register(new NewContact(sites.get(0).id(), "WALK_IN", person,
                        List.of(domain), questionFor(domain), "DOSSIER", null, 20, weekdayInPast(random, 20 + random.nextInt(20)).toString())));
                id = as("demo-frontdesk", () -> dossiers.open(new OpenDossier(person, ownerId, contact, List.of(domain))));
            } else {
                id = as(opener, () -> dossiers.open(new OpenDossier(person, ownerId, null, List.of(domain, pick(random, THEMES)))));
            }
            String author = owner == null ? "demo-teamlead" : owner;
            int steps = 2 + random.nextInt(6);
            for (int s = 0; s < steps; s++) {
                String[] step = STEP_TEXTS[(i + s) % STEP_TEXTS.length];
                String visibility = random.nextInt(3) == 0 ? "SHARED" : "INTERNAL";
                LocalDate on = LocalDate.now(clock).minusDays(30 - Math.min(29, s * 4 + random.nextInt(4)));
                as(author, () -> dossiers.addStep(id, new NewStep(step[0], visibility, step[1], on.toString())));
            }
            if ("demo-socialworker".equals(owner) && sharedOfSamira < 6) {
                sharedOfSamira++;
                share(id, debtMediation, random);
            } else if (owner != null && i % 11 == 5) {
                run(owner, () -> dossiers.changeStatus(id, version(id), "CLOSED", pick(random, CLOSE_REASONS)));
            } else if (owner != null && random.nextBoolean()) {
                run(owner, () -> dossiers.changeStatus(id, version(id), "IN_FOLLOW_UP", null));
            }
        }
        householdDossier(showcase);
    }

    /** One dossier of a whole household (energy and water debts under one roof), the showcase citizen's household left alone. */
    private void householdDossier(UUID showcase) {
        // No min() over uuid: PostgreSQL has no such aggregate.
        jdbc.sql("""
                select m.household_id from household_member m join tenant t on t.id = m.tenant_id
                where t.code = 'demodorp' and m.valid_to is null
                and not exists (select 1 from household_member s where s.household_id = m.household_id and s.person_id = ?)
                group by m.household_id having count(*) >= 3 order by m.household_id""")
                .param(showcase).query(UUID.class).stream().findFirst().ifPresent(household -> as("demo-socialworker-b", () -> {
                    UUID member = jdbc.sql("select person_id from household_member where household_id = ? and valid_to is null"
                            + " order by person_id").param(household).query(UUID.class).list().get(0);
                    UUID id = dossiers.open(new OpenDossier(member, userId("demo-socialworker-b"), null, List.of("ENERGY", "WATER"),
                            household));
                    dossiers.addStep(id, new NewStep("HOME_VISIT", "INTERNAL",
                            "Huisbezoek bij het hele gezin: energie- en waterfacturen van het gezin samen overlopen.", null));
                    dossiers.addStep(id, new NewStep("NOTE", "INTERNAL", STEP_TEXTS[1][1], null));
                    return id;
                }));
    }

    /** Shared with debt mediation: an internal and a shared step of the owner, then the partner's own steps (unseen by the owner). */
    private void share(UUID id, UUID debtMediation, Random random) {
        as("demo-socialworker", () -> {
            dossiers.addStep(id, new NewStep("NOTE", "INTERNAL",
                    "Vertrouwelijk: cliënt vertelde over spanningen in het gezin; niet delen met partners.", null));
            dossiers.addStep(id, new NewStep("REFERRAL", "SHARED",
                    "Aangemeld bij schuldbemiddeling: achterstallige energie- en waterfacturen.", null));
            dossiers.share(id, version(id), debtMediation, "Schuldbemiddeling");
            return null;
        });
        int partnerSteps = 1 + random.nextInt(2);
        for (int p = 0; p < partnerSteps; p++) {
            String text = PARTNER_STEPS[p % PARTNER_STEPS.length];
            as("demo-partner", () -> dossiers.addStep(id, new NewStep("PARTNER_ACTION", "SHARED", text, null)));
        }
    }

    private void voorbeeldegem(Random random) {
        List<UUID> citizens = citizens("voorbeeldegem");
        List<Site> sites = as("demo-socialworker-v", directory::sites);
        UUID ownerId = as("demo-socialworker-v", () -> userId("demo-socialworker-v"));
        for (int i = 0; i < Math.min(citizens.size(), count("voorbeeldegem") / 3); i++) {
            UUID person = citizens.get(i);
            String[] q = QUESTIONS[i % QUESTIONS.length];
            as("demo-socialworker-v", () -> {
                // The dossier is opened from the contact, which links it and marks the question handled.
                UUID contact = contacts.register(new NewContact(sites.get(0).id(), "PHONE", person, List.of(q[0]), q[1], "DOSSIER",
                        null, 15, weekdayInPast(random, 2 + random.nextInt(20)).toString()));
                UUID id = dossiers.open(new OpenDossier(person, ownerId, contact, List.of(q[0])));
                dossiers.addStep(id, new NewStep("PHONE_CALL", "INTERNAL", STEP_TEXTS[2][1], null));
                dossiers.addStep(id, new NewStep("LETTER", "SHARED", STEP_TEXTS[4][1], null));
                return id;
            });
        }
    }

    private static String questionFor(String theme) {
        for (String[] q : QUESTIONS) {
            if (q[0].equals(theme)) {
                return q[1];
            }
        }
        return QUESTIONS[0][1];
    }

    /** The demo loader picks citizens straight from the table: People deliberately offers no "list everyone". */
    private List<UUID> citizens(String tenantCode) {
        return new ArrayList<>(jdbc.sql("""
                select p.id from person p join tenant t on t.id = p.tenant_id where t.code = ?
                and p.birth_date < date '2008-01-01' order by p.search_name, p.id""").param(tenantCode).query(UUID.class).list());
    }

    private int count(String tenantCode) {
        return jdbc.sql("select count(*) from person p join tenant t on t.id = p.tenant_id where t.code = ?").param(tenantCode)
                .query(Integer.class).single();
    }

    private UUID userId(String username) {
        return directory.users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow().id();
    }

    private long version(UUID dossier) {
        return dossiers.get(dossier).version();
    }

    private LocalDateTime weekdayInPast(Random random, int daysBack) {
        LocalDate day = LocalDate.now(clock).minusDays(daysBack);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        LocalDateTime when = day.atTime(LocalTime.of(9 + random.nextInt(7), random.nextInt(60)));
        return when.isAfter(LocalDateTime.now(clock)) ? LocalDateTime.now(clock).minusMinutes(5) : when;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private void run(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    /** Runs the work as the named demo user, with their real principal (tenant, organisation, roles). */
    private <T> T as(String username, Supplier<T> work) {
        return RunAs.user(users.loadUserByUsername(username), work);
    }
}

package be.loket.eligibility;

import be.loket.audit.AuditLog;
import be.loket.dossier.Dossiers;
import be.loket.identity.Directory;
import be.loket.identity.Tenant;
import be.loket.person.Households;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.platform.CurrentActor;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rights investigation for one citizen: every right of the municipality evaluated on the facts
 * recorded so far, and the missing facts as questions a worker can answer on the spot. Facts are
 * stored append-only with source, author and date; every read and write is audited. The household's
 * facts are those recorded on any current member of the person's household (the latest of each); the
 * person's own facts are the person's. A check is written as a step in the citizen's open dossier when
 * answers are saved, or on request.
 */
@Service
public class RightsCheck {
    private final Eligibility eligibility;
    private final People people;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Dossiers dossiers;
    private final MessageSource messages;
    private final Households households;
    private final Directory directory;

    /** Timeline steps are Dutch, whoever reads them (the dossier's language convention). */
    private static final Locale STEP_LANGUAGE = Locale.forLanguageTag("nl");
    private static final String HOUSEHOLD = "household.";
    static final String MUNICIPALITY = HOUSEHOLD + "municipality";

    RightsCheck(Eligibility eligibility, People people, AuditLog audit, JdbcClient jdbc, Clock clock, Dossiers dossiers,
            MessageSource messages, Households households, Directory directory) {
        this.households = households;
        this.directory = directory;
        this.eligibility = eligibility;
        this.people = people;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.dossiers = dossiers;
        this.messages = messages;
    }

    /** A fact as recorded: its value as typed, where it comes from, who recorded it and when. */
    public record RecordedFact(String name, String value, FactSource source, String recordedBy, OffsetDateTime recordedAt) {
    }

    /** The outcome of a check: results per right and the questions that could still change one, most needed first. */
    public record Result(Person person, List<RightResult> results, Map<String, RecordedFact> facts,
            List<FactDefinition> questions, Map<String, String> suggested) {
    }

    @Transactional
    public Result check(UUID personId, Locale locale) {
        Person person = people.get(personId);
        Map<String, RecordedFact> facts = current(personId);
        Map<String, Object> typed = new HashMap<>();
        for (RecordedFact f : facts.values()) {
            eligibility.facts().stream().filter(d -> d.name().equals(f.name())).findFirst()
                    .map(d -> parseAnswer(d, f.value())).ifPresent(v -> typed.put(f.name(), v));
        }
        List<RightResult> results = eligibility.evaluate(eligibility.today(), typed, null, locale);
        Map<String, Integer> needed = new HashMap<>();
        results.stream().filter(r -> r.outcome() == Outcome.POSSIBLY)
                .forEach(r -> r.missingFacts().forEach(f -> needed.merge(f, 1, Integer::sum)));
        List<FactDefinition> questions = new ArrayList<>(eligibility.facts().stream()
                .filter(d -> needed.containsKey(d.name())).toList());
        questions.sort((a, b) -> needed.get(b.name()) - needed.get(a.name()));
        // Whoever comes to this OCMW most likely lives in its municipality: offered, not assumed.
        Map<String, String> suggested = new HashMap<>();
        Tenant tenant = directory.currentTenant();
        if (tenant.kind() == Tenant.Kind.MUNICIPALITY && needed.containsKey(MUNICIPALITY)) {
            suggested.put(MUNICIPALITY, tenant.code());
        }
        audit.write(AuditLog.Action.READ, "PERSON", personId, "rights check: " + results.size() + " rights, "
                + results.stream().filter(r -> r.outcome() == Outcome.ELIGIBLE).count() + " eligible");
        return new Result(person, results, facts, questions, suggested);
    }

    /**
     * Records the answers (fact name to typed text; blank ones are skipped). All are checked first: one
     * unreadable answer refuses the lot, and nothing is saved. The renewed check is then written as a
     * step in the timeline of the citizen's dossiers that are not closed.
     */
    @Transactional
    public int record(UUID personId, Map<String, String> answers, FactSource source, Locale locale) {
        people.get(personId);
        List<FieldViolation> violations = new ArrayList<>();
        Map<String, String> accepted = new LinkedHashMap<>();
        for (var e : answers.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            FactDefinition d = eligibility.facts().stream().filter(f -> f.name().equals(e.getKey())).findFirst().orElse(null);
            if (d == null) {
                violations.add(new FieldViolation(e.getKey(), "eligibility.fact.unknown", e.getKey()));
            } else if (parseAnswer(d, e.getValue().strip()) == null) {
                violations.add(new FieldViolation(e.getKey(), "eligibility.answer.invalid." + d.type().name(),
                        d.question().in(locale)));
            } else {
                accepted.put(d.name(), d.name().equals(MUNICIPALITY) ? municipality(e.getValue()) : e.getValue().strip());
            }
        }
        if (source == null) {
            violations.add(new FieldViolation("source", "validation.required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var actor = CurrentActor.get();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (var e : accepted.entrySet()) {
            jdbc.sql("""
                    insert into eligibility_fact (id, tenant_id, person_id, name, fact_value, source, recorded_by, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), actor.tenantId(), personId, e.getKey(), e.getValue(), source.name(),
                            actor.username(), now)
                    .update();
        }
        if (!accepted.isEmpty()) {
            audit.write(AuditLog.Action.UPDATE, "PERSON", personId, "rights check facts: " + String.join(", ", accepted.keySet()));
            recordInDossier(personId);
        }
        return accepted.size();
    }

    /**
     * Writes the check as it stands now as a step in the citizen's open dossier; empty when the citizen
     * has none. Whether the actor may write there is decided by Dossiers before anything is written.
     */
    @Transactional
    public Optional<UUID> recordInDossier(UUID personId) {
        List<RightResult> results = check(personId, STEP_LANGUAGE).results();
        String none = messages.getMessage("rightsCheck.step.none", null, STEP_LANGUAGE);
        String text = messages.getMessage("rightsCheck.step", new Object[] {names(results, Outcome.ELIGIBLE, none),
                names(results, Outcome.POSSIBLY, none)}, STEP_LANGUAGE);
        // A timeline step holds at most 4000 characters; a catalogue of names stays far below, but never fail on it.
        return dossiers.recordCheck(personId, text.length() > 4000 ? text.substring(0, 3999) + "…" : text);
    }

    /** A municipality as its tenant code when it names this OCMW's municipality ("Demodorp" is demodorp). */
    private String municipality(String typed) {
        String v = typed.strip();
        Tenant tenant = directory.currentTenant();
        return v.equalsIgnoreCase(tenant.code()) || v.equalsIgnoreCase(tenant.name()) ? tenant.code() : v.toLowerCase(Locale.ROOT);
    }

    private static String names(List<RightResult> results, Outcome outcome, String none) {
        List<String> names = results.stream().filter(r -> r.outcome() == outcome).map(RightResult::name).toList();
        return names.isEmpty() ? none : String.join(", ", names);
    }

    /**
     * The latest recorded value of each fact: household.* facts recorded on any current member of the
     * person's household, the other facts recorded on the person.
     */
    private Map<String, RecordedFact> current(UUID personId) {
        List<UUID> others = households.currentOf(personId).map(h -> h.members().stream().map(Households.Member::personId)
                .filter(id -> !id.equals(personId)).toList()).orElse(List.of());
        Map<String, RecordedFact> out = new LinkedHashMap<>();
        // Oldest first, so that the latest value of each fact wins.
        jdbc.sql("select name, fact_value, source, recorded_by, recorded_at from eligibility_fact where tenant_id = :tenant"
                        + " and (person_id = :person" + (others.isEmpty() ? "" : " or (person_id in (:others) and name like :household)")
                        + ") order by recorded_at, id")
                .param("tenant", CurrentActor.get().tenantId()).param("person", personId)
                .params(others.isEmpty() ? Map.of() : Map.of("others", others, "household", HOUSEHOLD + "%"))
                .query((rs, n) -> new RecordedFact(rs.getString("name"), rs.getString("fact_value"),
                        FactSource.valueOf(rs.getString("source")), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .list().forEach(f -> out.put(f.name(), f));
        return out;
    }

    /** The fact schema by name, to show a recorded fact by its question rather than its name. */
    public Map<String, FactDefinition> schema() {
        Map<String, FactDefinition> out = new HashMap<>();
        eligibility.facts().forEach(d -> out.put(d.name(), d));
        return out;
    }

    /** An answer typed by a person as the fact's type, or null when it cannot be read. */
    public static Object parseAnswer(FactDefinition d, String v) {
        try {
            switch (d.type()) {
                case BOOLEAN:
                    return "true".equals(v) ? Boolean.TRUE : "false".equals(v) ? Boolean.FALSE : null;
                case MONEY:
                case NUMBER: {
                    BigDecimal n = new BigDecimal(v.replace(" ", "").replace("€", "").replace(',', '.'));
                    return n.signum() < 0 ? null : n;
                }
                case INTEGER: {
                    int n = Integer.parseInt(v.replace(" ", ""));
                    return n < 0 ? null : n;
                }
                case CHOICE:
                    return d.values().contains(v) ? v : null;
                default:
                    return v;
            }
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

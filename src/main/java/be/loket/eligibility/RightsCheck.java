package be.loket.eligibility;

import be.loket.audit.AuditLog;
import be.loket.dossier.DossierStatus;
import be.loket.dossier.DossierSummary;
import be.loket.dossier.Dossiers;
import be.loket.dossier.NewStep;
import be.loket.platform.NotFoundException;
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
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rights investigation for one citizen: every right of the municipality evaluated on the facts
 * recorded so far, and the missing facts as questions a worker can answer on the spot. Facts are
 * stored append-only with source, author and date; every read and write is audited, and a check
 * with new facts is written as a step in the citizen's open dossiers.
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

    RightsCheck(Eligibility eligibility, People people, AuditLog audit, JdbcClient jdbc, Clock clock, Dossiers dossiers,
            MessageSource messages) {
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
            List<FactDefinition> questions) {
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
        audit.write(AuditLog.Action.READ, "PERSON", personId, "rights check: " + results.size() + " rights, "
                + results.stream().filter(r -> r.outcome() == Outcome.ELIGIBLE).count() + " eligible");
        return new Result(person, results, facts, questions);
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
                accepted.put(d.name(), e.getValue().strip());
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
            recordInDossiers(personId, check(personId, locale).results(), locale);
        }
        return accepted.size();
    }

    private void recordInDossiers(UUID personId, List<RightResult> results, Locale locale) {
        String none = messages.getMessage("rightsCheck.step.none", null, locale);
        String eligible = names(results, Outcome.ELIGIBLE, none);
        String possibly = names(results, Outcome.POSSIBLY, none);
        String text = messages.getMessage("rightsCheck.step", new Object[] {eligible, possibly}, locale);
        for (DossierSummary d : dossiers.ofPerson(personId)) {
            if (d.status() == DossierStatus.CLOSED) {
                continue;
            }
            try {
                dossiers.addStep(d.id(), new NewStep("NOTE", "INTERNAL", text, null));
            } catch (NotFoundException e) {
                // A dossier the worker may not write in keeps its timeline as it is.
            }
        }
    }

    private static String names(List<RightResult> results, Outcome outcome, String none) {
        List<String> names = results.stream().filter(r -> r.outcome() == outcome).map(RightResult::name).toList();
        return names.isEmpty() ? none : String.join(", ", names);
    }

    /** The latest recorded value of each fact. */
    private Map<String, RecordedFact> current(UUID personId) {
        Map<String, RecordedFact> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select name, fact_value, source, recorded_by, recorded_at from eligibility_fact
                        where tenant_id = ? and person_id = ? order by recorded_at, id""")
                .params(CurrentActor.get().tenantId(), personId)
                .query((rs, n) -> new RecordedFact(rs.getString("name"), rs.getString("fact_value"),
                        FactSource.valueOf(rs.getString("source")), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .list().forEach(f -> out.put(f.name(), f));
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

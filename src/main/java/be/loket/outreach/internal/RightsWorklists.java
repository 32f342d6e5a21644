package be.loket.outreach.internal;

import be.loket.applications.Applications;
import be.loket.audit.AuditLog;
import be.loket.eligibility.ConditionStatus;
import be.loket.eligibility.Eligibility;
import be.loket.eligibility.FactDefinition;
import be.loket.eligibility.Outcome;
import be.loket.eligibility.RightResult;
import be.loket.eligibility.RightsCheck;
import be.loket.outreach.FactNames;
import be.loket.platform.Actor;
import be.loket.platform.Chunks;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import be.loket.platform.MultiRowInsert;
import be.loket.platform.NotFoundException;
import be.loket.platform.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rights worklists (ADR 0402): runs the rights engine over the households of citizens that partner
 * lists told something about, and keeps per right the citizens it finds ELIGIBLE or POSSIBLY who hold no
 * active grant of it. One evaluation per household, facts loaded and entries written in batches; what
 * the person already meets and what is still to check is rendered per language when the list is read,
 * from the facts stored with the entry.
 */
@Service
public class RightsWorklists {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RightsWorklists.class);
    static final int CHUNK = 1000;
    static final int INSERT_ROWS = 200;
    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    /** The facts partner lists give; a right whose conditions read one of them gets a worklist. */
    private static final Set<String> LIST_FACTS = Set.of(FactNames.ON_SOCIAL_HOUSING_WAITING_LIST, FactNames.OWNS_REAL_ESTATE,
            FactNames.RECEIVES_FLEMISH_RENT_PREMIUM, FactNames.MONTHLY_RENT, FactNames.RENT_ARREARS_AMOUNT,
            FactNames.RENT_ARREARS_MONTHS, FactNames.WATER_ARREARS_AMOUNT);
    private static final String HOUSEHOLD = "household.";
    static final String MUNICIPALITY = HOUSEHOLD + "municipality";

    /** A stored entry of a right's worklist. */
    public record Entry(UUID id, String rightId, UUID personId, UUID householdId, Outcome outcome, List<String> met,
            List<String> unknown, Map<String, String> facts, LocalDate evaluatedOn, String status) {
    }

    /** The outcome of one citizen for one right, before it is stored. */
    record Found(String rightId, UUID personId, UUID householdId, Outcome outcome, List<String> met, List<String> unknown,
            String facts) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Eligibility eligibility;
    private final Applications applications;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final int threads;

    RightsWorklists(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Eligibility eligibility, Applications applications, AuditLog audit,
            Clock clock, TransactionTemplate tx, @Value("${loket.outreach.evaluation.threads:2}") int threads) {
        this.threads = Math.max(1, threads);
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.eligibility = eligibility;
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** The rights of the tenant whose conditions read a fact partner lists give: only these get a worklist. */
    public List<String> rightsFedByLists(String tenantCode, LocalDate on) {
        Set<String> known = eligibility.facts().stream().map(FactDefinition::name).collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        // With nothing known every condition is open, so the missing facts are all the facts a right reads.
        for (RightResult r : eligibility.evaluateFor(tenantCode, on, Map.of(), null, DUTCH)) {
            if (r.missingFacts().stream().anyMatch(f -> LIST_FACTS.contains(f) && known.contains(f))) {
                out.add(r.right());
            }
        }
        return out;
    }

    /**
     * Evaluates the households of these citizens and updates the worklists, a chunk per transaction;
     * reports the number of citizens done after each chunk. Returns how many households were evaluated.
     */
    public int evaluate(Collection<UUID> personIds, IntConsumer progress) {
        Actor actor = OutreachAccess.worker();
        String tenantCode = eligibility.currentTenantCode();
        LocalDate today = LocalDate.now(clock);
        List<String> rights = rightsFedByLists(tenantCode, today);
        Map<String, FactDefinition> schema = eligibility.facts().stream()
                .collect(Collectors.toMap(FactDefinition::name, d -> d, (a, b) -> a));
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(personIds));
        int households = 0;
        // Chunks run on a few threads, each in its own transaction: while one waits for the database, another
        // evaluates. Their persons are distinct, so they never write the same entry. Progress is told in order.
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, ids.size() / CHUNK)), r -> {
            Thread t = new Thread(r, "rights-worklists");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Integer>> chunks = new ArrayList<>();
            SecurityContext security = SecurityContextHolder.getContext();
            for (List<UUID> chunk : Chunks.of(ids, CHUNK)) {
                chunks.add(pool.submit(new DelegatingSecurityContextCallable<>(
                        () -> tx.execute(status -> evaluateChunk(actor, tenantCode, today, rights, schema, chunk)), security)));
            }
            for (int i = 0; i < chunks.size(); i++) {
                households += done(chunks.get(i));
                progress.accept(Math.min(ids.size(), (i + 1) * CHUNK));
            }
        } finally {
            pool.shutdownNow();
        }
        audit.write(AuditLog.Action.UPDATE, "OUTREACH_WORKLIST", null, "rights evaluated: persons=" + ids.size()
                + " households=" + households + " rights=" + rights);
        LOG.info("Rights evaluated: persons={} households={} rights={}; so far load {} ms, evaluate {} ms, grants {} ms, store {} ms",
                ids.size(), households, rights.size(), timings.get(0) / 1_000_000, timings.get(1) / 1_000_000,
                timings.get(2) / 1_000_000, timings.get(3) / 1_000_000);
        return households;
    }

    private static int done(Future<Integer> chunk) {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rights evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Every citizen with facts from partner lists: the nightly run. */
    public List<UUID> personsWithListFacts() {
        Actor actor = OutreachAccess.worker();
        return jdbc.sql("select distinct person_id from outreach_fact where tenant_id = ?").param(actor.tenantId()).query(UUID.class).list();
    }

    /** Nanoseconds spent per step in this instance, for the benchmark's log line. */
    final java.util.concurrent.atomic.AtomicLongArray timings = new java.util.concurrent.atomic.AtomicLongArray(4);

    private int evaluateChunk(Actor actor, String tenantCode, LocalDate today, List<String> rights, Map<String, FactDefinition> schema,
            List<UUID> persons) {
        UUID tenant = actor.tenantId();
        long t0 = System.nanoTime();
        // The latest value of each fact per household (or per citizen without a household), oldest first so the newest wins.
        Map<UUID, UUID> householdOf = new HashMap<>();
        Map<UUID, Map<String, String>> factsOf = new HashMap<>();
        // Two indexed queries: the chunk's own facts (which also give their households), then what lists said about
        // the other members of those households. One query with "or household_id in (subquery)" scanned the table.
        Map<UUID, List<Fact>> byKey = new HashMap<>();
        jdbc.sql("""
                        select person_id, household_id, fact_name, fact_value, valid_on, recorded_at from outreach_fact
                        where tenant_id = :tenant and person_id in (:ids)""")
                .param("tenant", tenant).param("ids", persons)
                .query(rs -> {
                    UUID person = rs.getObject("person_id", UUID.class);
                    UUID household = rs.getObject("household_id", UUID.class);
                    if (household != null) {
                        householdOf.put(person, household);
                    }
                    byKey.computeIfAbsent(household != null ? household : person, k -> new ArrayList<>()).add(fact(rs));
                });
        Set<UUID> households = new java.util.HashSet<>(householdOf.values());
        if (!households.isEmpty()) {
            jdbc.sql("""
                            select household_id, fact_name, fact_value, valid_on, recorded_at from outreach_fact
                            where tenant_id = :tenant and household_id in (:households) and person_id not in (:ids)""")
                    .param("tenant", tenant).param("households", households).param("ids", persons)
                    .query(rs -> {
                        byKey.computeIfAbsent(rs.getObject("household_id", UUID.class), k -> new ArrayList<>()).add(fact(rs));
                    });
        }
        // The latest value of each fact wins: oldest first (the day the list was valid on, then when it was recorded).
        byKey.forEach((key, facts) -> {
            facts.sort(java.util.Comparator.comparing(Fact::validOn).thenComparing(Fact::recordedAt));
            Map<String, String> latest = new TreeMap<>();
            facts.forEach(f -> latest.put(f.name(), f.value()));
            factsOf.put(key, latest);
        });
        // The municipality the partner's address gives, from the newest row of the citizen on a list.
        Map<UUID, String> cityOf = new HashMap<>();
        jdbc.sql("""
                        select r.person_id, r.city from outreach_row r join outreach_import i on i.id = r.import_id
                        where r.tenant_id = :tenant and r.person_id in (:ids) and r.city is not null order by i.imported_at, r.line_no""")
                .param("tenant", tenant).param("ids", persons)
                .query(rs -> {
                    cityOf.put(rs.getObject("person_id", UUID.class), rs.getString("city"));
                });
        long t1 = System.nanoTime();
        Map<UUID, List<RightResult>> resultOf = new HashMap<>();
        Map<String, Map<String, Set<String>>> baselines = new HashMap<>();
        List<Found> found = new ArrayList<>();
        for (UUID person : persons) {
            UUID household = householdOf.get(person);
            UUID key = household != null ? household : person;
            Map<String, String> facts = new TreeMap<>(factsOf.getOrDefault(key, Map.of()));
            String city = cityOf.get(person);
            if (city != null && schema.containsKey(MUNICIPALITY)) {
                facts.putIfAbsent(MUNICIPALITY, Texts.fold(city).replace(' ', '-'));
            }
            facts.keySet().retainAll(schema.keySet());
            // One evaluation per household: its members on the same lists share the result. No texts: they are
            // rendered per language when the list is read.
            List<RightResult> results = resultOf.get(key);
            if (results == null) {
                results = eligibility.evaluateWithoutTexts(tenantCode, today, typed(schema, facts), rights);
                resultOf.put(key, results);
            }
            // What the same household meets without the lists' facts: usually the same for all, so evaluated once per kind.
            Map<String, String> base = new TreeMap<>(facts);
            base.keySet().removeAll(LIST_FACTS);
            Map<String, Set<String>> baseline = baselines.computeIfAbsent(encode(base), k -> metPerRight(
                    eligibility.evaluateWithoutTexts(tenantCode, today, typed(schema, base), rights)));
            String snapshot = encode(facts);
            for (RightResult r : results) {
                List<String> met = ids(r, ConditionStatus.MET);
                // Only where a list made a condition met is the list evidence for this right (ADR 0402).
                if (r.outcome() == Outcome.NOT_ELIGIBLE || baseline.getOrDefault(r.right(), Set.of()).containsAll(met)) {
                    continue;
                }
                found.add(new Found(r.right(), person, household, r.outcome(), met, ids(r, ConditionStatus.UNKNOWN), snapshot));
            }
        }
        long t2 = System.nanoTime();
        Map<String, Set<UUID>> granted = new HashMap<>();
        for (String right : rights) {
            granted.put(right, applications.withActiveGrant(right, persons, today));
        }
        long t3 = System.nanoTime();
        store(actor, today, rights, persons, found.stream().filter(f -> !granted.get(f.rightId()).contains(f.personId())).toList());
        long t4 = System.nanoTime();
        timings.addAndGet(0, t1 - t0);
        timings.addAndGet(1, t2 - t1);
        timings.addAndGet(2, t3 - t2);
        timings.addAndGet(3, t4 - t3);
        return resultOf.size();
    }

    /** Inserts new entries, updates changed ones (keeping the worker's status) and retires those that no longer apply. */
    private void store(Actor actor, LocalDate today, List<String> rights, List<UUID> persons, List<Found> found) {
        UUID tenant = actor.tenantId();
        Map<String, Object[]> existing = new HashMap<>();
        jdbc.sql("""
                        select id, right_id, person_id, outcome, met_conditions, open_conditions, facts, active from outreach_right_entry
                        where tenant_id = :tenant and person_id in (:ids)""")
                .param("tenant", tenant).param("ids", persons)
                .query(rs -> {
                    existing.put(rs.getString("right_id") + "/" + rs.getObject("person_id", UUID.class), new Object[] {
                            rs.getObject("id", UUID.class), rs.getString("outcome"), rs.getString("met_conditions"), rs.getString("open_conditions"),
                            rs.getString("facts"), rs.getBoolean("active")});
                });
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Found f : found) {
            String key = f.rightId() + "/" + f.personId();
            seen.add(key);
            String met = String.join(",", f.met());
            String unknown = String.join(",", f.unknown());
            Object[] old = existing.get(key);
            if (old == null) {
                inserts.add(new Object[] {UUID.randomUUID(), tenant, f.rightId(), f.personId(), f.householdId(), f.outcome().name(), met,
                        unknown, f.facts(), today, true, "OPEN", now, now, actor.username()});
            } else if (!(f.outcome().name().equals(old[1]) && met.equals(old[2]) && unknown.equals(old[3]) && f.facts().equals(old[4])
                    && Boolean.TRUE.equals(old[5]))) {
                updates.add(new Object[] {f.outcome().name(), met, unknown, f.facts(), today, f.householdId(), now, actor.username(), old[0]});
            }
        }
        List<Object[]> retire = new ArrayList<>();
        existing.forEach((key, old) -> {
            if (!seen.contains(key) && Boolean.TRUE.equals(old[5]) && rights.contains(key.substring(0, key.indexOf('/')))) {
                retire.add(new Object[] {now, actor.username(), old[0]});
            }
        });
        MultiRowInsert insert = new MultiRowInsert("outreach_right_entry", List.of("id", "tenant_id", "right_id", "person_id",
                "household_id", "outcome", "met_conditions", "open_conditions", "facts", "evaluated_on", "active", "status", "created_at",
                "updated_at", "updated_by"), INSERT_ROWS);
        inserts.forEach(insert::add);
        insert.flush(jdbcTemplate);
        if (!updates.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                    update outreach_right_entry set outcome = ?, met_conditions = ?, open_conditions = ?, facts = ?, evaluated_on = ?, household_id = ?,
                        active = true, updated_at = ?, updated_by = ? where id = ?""", updates);
        }
        if (!retire.isEmpty()) {
            jdbcTemplate.batchUpdate("update outreach_right_entry set active = false, updated_at = ?, updated_by = ? where id = ?", retire);
        }
    }

    /** A recorded fact; of two values of a fact, the one of the later list (then the later recording) counts. */
    private record Fact(String name, String value, LocalDate validOn, OffsetDateTime recordedAt) {
    }

    private static Fact fact(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Fact(rs.getString("fact_name"), rs.getString("fact_value"), rs.getObject("valid_on", LocalDate.class),
                rs.getObject("recorded_at", OffsetDateTime.class));
    }

    private static Map<String, Set<String>> metPerRight(List<RightResult> results) {
        Map<String, Set<String>> met = new HashMap<>();
        results.forEach(r -> met.put(r.right(), Set.copyOf(ids(r, ConditionStatus.MET))));
        return met;
    }

    private static List<String> ids(RightResult r, ConditionStatus status) {
        return r.conditions().stream().filter(c -> c.status() == status).map(RightResult.ConditionResult::id).toList();
    }

    private static Map<String, Object> typed(Map<String, FactDefinition> schema, Map<String, String> facts) {
        Map<String, Object> typed = new HashMap<>();
        facts.forEach((name, value) -> {
            Object v = RightsCheck.parseAnswer(schema.get(name), value);
            if (v != null) {
                typed.put(name, v);
            }
        });
        return typed;
    }

    static String encode(Map<String, String> facts) {
        return facts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    static Map<String, String> decode(String text) {
        Map<String, String> facts = new TreeMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    facts.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return facts;
    }

    // ---------------------------------------------------------------- reading

    /** Active entries of one right: ELIGIBLE before POSSIBLY, open before contacted before closed. */
    public List<Entry> entries(String rightId, int offset, int limit) {
        Actor actor = OutreachAccess.worker();
        List<Entry> entries = jdbc.sql("""
                        select * from outreach_right_entry where tenant_id = ? and right_id = ? and active = true
                        order by case outcome when 'ELIGIBLE' then 0 else 1 end,
                                 case status when 'OPEN' then 0 when 'CONTACTED' then 1 else 2 end, created_at, id
                        limit ? offset ?""")
                .params(actor.tenantId(), rightId, limit, offset).query(RightsWorklists::entry).list();
        audit.write(AuditLog.Action.READ, "OUTREACH_WORKLIST", null, "right=" + rightId + " entries=" + entries.size());
        return entries;
    }

    public java.util.Optional<Entry> entry(UUID id) {
        Actor actor = OutreachAccess.worker();
        return jdbc.sql("select * from outreach_right_entry where tenant_id = ? and id = ? and active = true").params(actor.tenantId(), id)
                .query(RightsWorklists::entry).optional();
    }

    /** Per right, the number of open entries (rights with no active entry left out). */
    public Map<String, Integer> openCounts() {
        Actor actor = OutreachAccess.worker();
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select right_id, sum(case when status = 'OPEN' then 1 else 0 end) as open_entries from outreach_right_entry
                        where tenant_id = ? and active = true group by right_id order by right_id""")
                .param(actor.tenantId())
                .query(rs -> {
                    counts.put(rs.getString("right_id"), rs.getInt("open_entries"));
                });
        return counts;
    }

    /** Sets the worker's status of an entry; false when the tenant has no such entry. */
    public boolean setStatus(UUID id, String status) {
        Actor actor = OutreachAccess.worker();
        ContactWorklist.Status s = status == null ? null : Agreements.parseEnum(ContactWorklist.Status.class, status);
        if (s == null) {
            throw new InvalidInputException(new FieldViolation("status", "validation.choice"));
        }
        int n = jdbc.sql("update outreach_right_entry set status = ?, updated_at = ?, updated_by = ? where id = ? and tenant_id = ?")
                .params(s.name(), OffsetDateTime.now(clock), actor.username(), id, actor.tenantId()).update();
        if (n > 0) {
            audit.write(AuditLog.Action.UPDATE, "OUTREACH_WORKLIST", id, "status=" + s);
        }
        return n > 0;
    }

    /**
     * The conditions already met and still to check, in the language asked: the right evaluated again on
     * the entry's facts and day, so the texts are the rights engine's own (values such as the rent filled in).
     */
    public Explained explain(Entry e, Locale locale) {
        Map<String, FactDefinition> schema = eligibility.facts().stream()
                .collect(Collectors.toMap(FactDefinition::name, d -> d, (a, b) -> a));
        Map<String, String> facts = new TreeMap<>(e.facts());
        facts.keySet().retainAll(schema.keySet());
        List<RightResult> results;
        try {
            results = eligibility.evaluateFor(eligibility.currentTenantCode(), e.evaluatedOn(), typed(schema, facts), List.of(e.rightId()),
                    locale);
        } catch (InvalidInputException | NotFoundException gone) {
            // The right or its rule version is no longer there: show the entry without texts.
            return new Explained(List.of(), List.of());
        }
        List<String> meets = new ArrayList<>();
        List<String> toCheck = new ArrayList<>();
        for (RightResult r : results) {
            for (RightResult.ConditionResult c : r.conditions()) {
                if (e.met().contains(c.id())) {
                    meets.add(c.explanation());
                } else if (e.unknown().contains(c.id())) {
                    // An open condition cannot show its values: "Uw huur (?) is hoger…" reads as "Uw huur is hoger…".
                    toCheck.add(c.explanation().replaceAll("\\s*\\(\\?\\)", ""));
                }
            }
        }
        return new Explained(meets, toCheck);
    }

    public record Explained(List<String> alreadyMeets, List<String> stillToCheck) {
    }

    static Entry entry(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getString("right_id"), rs.getObject("person_id", UUID.class),
                rs.getObject("household_id", UUID.class), Outcome.valueOf(rs.getString("outcome")), split(rs.getString("met_conditions")),
                split(rs.getString("open_conditions")), decode(rs.getString("facts")), rs.getObject("evaluated_on", LocalDate.class),
                rs.getString("status"));
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(","));
    }
}

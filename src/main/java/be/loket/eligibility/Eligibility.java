package be.loket.eligibility;

import be.loket.eligibility.internal.FactValues;
import be.loket.eligibility.internal.RuleBook;
import be.loket.eligibility.internal.RuleLoader;
import be.loket.eligibility.internal.RuleSources;
import be.loket.identity.Directory;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Evaluating rights: which rights of the acting user's municipality (and of the levels above it) a
 * household has, may have or has not, for the facts known so far. Also the catalogue of rights and
 * the administrator's reload of a municipality's own rule directory ({@code LOKET_RULES_DIR}).
 * Evaluation with anonymous facts stores nothing.
 */
@Service
public class Eligibility {
    private static final Logger log = LoggerFactory.getLogger(Eligibility.class);

    private final Directory directory;
    private final Clock clock;
    private final Path rulesDir;
    /** The accepted rule files of each municipality that has its own; replaced whole on reload. */
    private final Map<String, List<RuleLoader.Source>> tenantFiles = new TreeMap<>();
    private volatile RuleBook book;
    private volatile int generation;

    Eligibility(Directory directory, Clock clock, @Value("${loket.rules.dir:${LOKET_RULES_DIR:}}") String rulesDir) {
        this.directory = directory;
        this.clock = clock;
        this.rulesDir = rulesDir == null || rulesDir.isBlank() ? null : Path.of(rulesDir);
        // Shipped rules must always load: a defect there stops the application at start.
        this.book = load(Map.of());
        for (String code : tenantCodesOnDisk()) {
            try {
                reload(code);
            } catch (RuleLoadException e) {
                log.error("Rule directory of {} refused; only the shipped rules apply there:\n{}", code, e.report());
            }
        }
    }

    private RuleBook load(Map<String, List<RuleLoader.Source>> tenants) {
        return RuleLoader.load(RuleSources.shippedFacts(), RuleSources.shippedParameters(), RuleSources.shippedRights(),
                tenants, false);
    }

    private List<String> tenantCodesOnDisk() {
        if (rulesDir == null || !Files.isDirectory(rulesDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(rulesDir)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The current rule book, for batch runs and benchmarks in this module. */
    public RuleBook ruleBook() {
        return book;
    }

    /** Changes whenever other rules come into force, so that derived indexes know to rebuild. */
    public int generation() {
        return generation;
    }

    /** Every right of every municipality, for indexes that filter by municipality themselves. */
    public List<Right> allRights() {
        return book.rights();
    }

    /** The directory of municipality rule files, if configured. */
    public boolean hasRulesDirectory() {
        return rulesDir != null;
    }

    /** The directory of municipality rule files, or null; for tests that write in it. */
    Path rulesDirectory() {
        return rulesDir;
    }

    /** The names of the municipality's accepted rule files. */
    public synchronized List<String> ruleFiles(String tenantCode) {
        return tenantFiles.getOrDefault(tenantCode, List.of()).stream().map(RuleLoader.Source::name).toList();
    }

    /**
     * Reads the municipality's rule directory again. All or nothing: on any defect the report is
     * thrown and the rules in force stay as they were.
     */
    public synchronized void reload(String tenantCode) {
        List<RuleLoader.Source> files = rulesDir == null ? List.of() : RuleSources.tenantDirectory(rulesDir, tenantCode);
        Map<String, List<RuleLoader.Source>> next = new TreeMap<>(tenantFiles);
        next.put(tenantCode, files);
        RuleBook candidate = load(next);
        tenantFiles.put(tenantCode, files);
        book = candidate;
        generation++;
        log.info("Rules of {} loaded: {} files", tenantCode, files.size());
    }

    public String currentTenantCode() {
        return directory.currentTenant().code();
    }

    /** The rights the acting user's municipality offers or refers to. */
    public List<Right> rights() {
        return rightsOf(currentTenantCode());
    }

    public List<Right> rightsOf(String tenantCode) {
        return book.rights().stream().filter(r -> r.visibleTo(tenantCode)).toList();
    }

    public Right right(String id) {
        return rightOf(currentTenantCode(), id);
    }

    public Right rightOf(String tenantCode, String id) {
        return book.right(id).filter(r -> r.visibleTo(tenantCode)).orElseThrow(() -> new NotFoundException("Right"));
    }

    public List<FactDefinition> facts() {
        return book.facts();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Evaluates for the acting user's municipality. */
    public List<RightResult> evaluate(LocalDate date, Map<String, ?> facts, Collection<String> rights, Locale locale) {
        return evaluateFor(currentTenantCode(), date, facts, rights, locale);
    }

    /**
     * Evaluates the rights (all the municipality's when none are named) on the date. Facts absent or
     * null are unknown. Refuses unknown fact names, values of the wrong type and unknown rights, each
     * named in the violation.
     */
    public List<RightResult> evaluateFor(String tenantCode, LocalDate date, Map<String, ?> facts, Collection<String> rights,
            Locale locale) {
        return evaluate(tenantCode, date, facts, rights, locale, true);
    }

    /**
     * As {@link #evaluateFor}, but the conditions carry only their id and status (no explanation text):
     * for batch runs over many households, where rendering the texts would cost more than the evaluation.
     */
    public List<RightResult> evaluateWithoutTexts(String tenantCode, LocalDate date, Map<String, ?> facts, Collection<String> rights) {
        return evaluate(tenantCode, date, facts, rights, Locale.forLanguageTag("nl"), false);
    }

    private List<RightResult> evaluate(String tenantCode, LocalDate date, Map<String, ?> facts, Collection<String> rights,
            Locale locale, boolean explain) {
        RuleBook current = book;
        LocalDate on = date == null ? today() : date;
        List<FieldViolation> violations = new ArrayList<>();
        FactValues values = current.newFacts();
        if (facts != null) {
            for (var e : new TreeMap<String, Object>(facts).entrySet()) {
                FactDefinition d = current.fact(e.getKey()).orElse(null);
                if (d == null) {
                    violations.add(new FieldViolation(e.getKey(), "eligibility.fact.unknown", e.getKey()));
                    continue;
                }
                Object v = coerce(d, e.getValue());
                if (v == INVALID) {
                    violations.add(d.type() == FactType.CHOICE && e.getValue() instanceof String
                            ? new FieldViolation(d.name(), "eligibility.fact.notAllowed", d.name(), String.join(", ", d.values()))
                            : new FieldViolation(d.name(), "eligibility.fact.wrongType." + d.type().name(), d.name()));
                    continue;
                }
                current.put(values, d.name(), v);
            }
        }
        if (rights != null) {
            for (String id : rights) {
                if (current.right(id).filter(r -> r.visibleTo(tenantCode)).isEmpty()) {
                    violations.add(new FieldViolation("rights", "eligibility.right.unknown", id));
                } else if (!current.inForce(id, on)) {
                    violations.add(new FieldViolation("rights", "eligibility.right.notInForce", id, on.toString()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return current.evaluate(tenantCode, on, values, rights, locale, explain);
    }

    private static final Object INVALID = new Object();

    /** The JSON value as the fact's type, null for unknown, or INVALID. */
    static Object coerce(FactDefinition d, Object value) {
        if (value == null) {
            return null;
        }
        switch (d.type()) {
            case BOOLEAN:
                return value instanceof Boolean ? value : INVALID;
            case MONEY:
            case NUMBER:
                if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
                    return n;
                }
                return INVALID;
            case INTEGER:
                if (value instanceof Number n) {
                    BigDecimal b = new BigDecimal(n.toString());
                    return b.stripTrailingZeros().scale() <= 0 ? n : INVALID;
                }
                return INVALID;
            case CHOICE:
                return value instanceof String s && d.values().contains(s) ? s : INVALID;
            default:
                return value instanceof String ? value : INVALID;
        }
    }
}

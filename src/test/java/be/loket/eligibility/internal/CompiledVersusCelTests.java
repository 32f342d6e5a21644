package be.loket.eligibility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.eligibility.FactDefinition;
import be.loket.eligibility.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: for random fact sets with random unknowns, the compiled evaluator and CEL's standard
 * runtime (with unknown tracking) give the same outcome, the same missing facts and the same amount
 * for every shipped right.
 */
class CompiledVersusCelTests {
    static final int RUNS = 100_000;
    static final List<LocalDate> DATES = List.of(LocalDate.of(2022, 12, 1), LocalDate.of(2023, 3, 15),
            LocalDate.of(2024, 6, 1), LocalDate.of(2025, 3, 1));
    static final double[] AMOUNTS = {0, 90, 500, 833.33, 900, 903.33, 1640, 2500, 4920, 7500, 16998, 25497, 34457};

    @Test
    void compiledEvaluatorAgreesWithCelOnRandomFacts() {
        RuleBook compiled = RuleLoader.load(RuleSources.shippedFacts(), RuleSources.shippedParameters(),
                RuleSources.shippedRights(), Map.of(), false);
        RuleBook cel = RuleLoader.load(RuleSources.shippedFacts(), RuleSources.shippedParameters(),
                RuleSources.shippedRights(), Map.of(), true);
        List<FactDefinition> facts = compiled.facts();
        long seed = 20261123L;
        Random random = new Random(seed);
        Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
        int compared = 0;
        for (int run = 0; run < RUNS; run++) {
            FactValues a = compiled.newFacts();
            FactValues b = cel.newFacts();
            double unknownShare = random.nextDouble() * 0.6;
            for (FactDefinition d : facts) {
                Object value = random.nextDouble() < unknownShare ? null : value(d, random);
                compiled.put(a, d.name(), value);
                cel.put(b, d.name(), value);
            }
            String tenant = random.nextInt(4) == 0 ? "voorbeeldegem" : "demodorp";
            LocalDate date = DATES.get(random.nextInt(DATES.size()));
            List<RuleBook.Verdict> x = compiled.verdicts(tenant, date, a, List.of());
            List<RuleBook.Verdict> y = cel.verdicts(tenant, date, b, List.of());
            assertThat(x).hasSameSizeAs(y);
            for (int i = 0; i < x.size(); i++) {
                RuleBook.Verdict vx = x.get(i);
                RuleBook.Verdict vy = y.get(i);
                String where = "run " + run + " (seed " + seed + "), right " + vx.right() + " on " + date;
                assertThat(vx.right()).as(where).isEqualTo(vy.right());
                assertThat(vx.outcome()).as(where).isEqualTo(vy.outcome());
                assertThat(new HashSet<>(vx.missingFacts())).as(where).isEqualTo(new HashSet<>(vy.missingFacts()));
                assertThat(vx.amount()).as(where).isEqualTo(vy.amount());
                seen.merge(vx.outcome(), 1, Integer::sum);
                compared++;
            }
        }
        // The generator must reach every outcome, or the comparison proves little.
        assertThat(seen.keySet()).containsExactlyInAnyOrder(Outcome.values());
        assertThat(compared).isGreaterThan(RUNS / 2);
    }

    static Object value(FactDefinition d, Random random) {
        switch (d.type()) {
            case BOOLEAN:
                return random.nextBoolean();
            case MONEY:
            case NUMBER:
                return random.nextBoolean() ? AMOUNTS[random.nextInt(AMOUNTS.length)]
                        : BigDecimal.valueOf(random.nextInt(1_200_000), 2);
            case INTEGER:
                return random.nextInt(10);
            case CHOICE:
                return d.values().get(random.nextInt(d.values().size()));
            default:
                return random.nextInt(3) == 0 ? "voorbeeldegem" : random.nextInt(2) == 0 ? "demodorp" : "elders";
        }
    }
}

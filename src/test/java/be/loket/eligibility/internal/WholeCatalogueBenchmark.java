package be.loket.eligibility.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One household against the whole catalogue of Demodorp (issue 4: "under 5 ms of evaluation"): the
 * time of one {@code RuleBook.evaluate} call, from the facts already in a FactValues to the list of
 * results with every condition's status and its Dutch explanation rendered, missing facts and amounts.
 * Not included: reading the facts from the database and the HTTP round trip (see the API figures).
 *
 * <p>Each call is timed on its own, in wall time and in the thread's CPU time (on a loaded machine the
 * wall figure includes waiting for a core; the CPU figure is what the evaluation itself costs). The
 * first half of the calls warms the JIT and is not counted. Printed: median, p90, p99 and max per case,
 * and the load average at the start. Run: see docs/benchmarks.md.
 */
public final class WholeCatalogueBenchmark {
    static final LocalDate DATE = LocalDate.of(2025, 3, 1);

    private WholeCatalogueBenchmark() {
    }

    /** The seed's single father on leefloon with his income not yet known: most rights stay POSSIBLY, the costliest case. */
    static Map<String, Object> incomeUnknown() {
        Map<String, Object> f = allKnown();
        f.remove("household.incomeLastThreeMonths");
        return f;
    }

    /** The seed's single father on leefloon with every fact known. */
    static Map<String, Object> allKnown() {
        return HuurtoelageTests.allMet();
    }

    static Map<String, Object> municipalityOnly() {
        return Map.of("household.municipality", "demodorp");
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String load = Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).strip() : "n/a";
        RuleBook book = RuleLoader.load(RuleSources.shippedFacts(), RuleSources.shippedParameters(),
                RuleSources.shippedRights(), Map.of(), false);
        int rights = book.evaluate("demodorp", DATE, book.newFacts(), List.of(), Locale.ROOT, false).size();
        System.out.printf("One household x the whole Demodorp catalogue (%d rights) on %s, %,d calls per case, "
                + "first half warm-up; load average at start: %s%n", rights, DATE, calls, load);
        System.out.printf("%-40s %9s %9s %9s %9s   %9s %9s%n", "case", "wall p50", "wall p90", "wall p99", "wall max",
                "CPU p50", "CPU p99");
        run(book, "income unknown, explanations (nl)", incomeUnknown(), true, calls);
        run(book, "all facts known, explanations (nl)", allKnown(), true, calls);
        run(book, "only the municipality, explanations", municipalityOnly(), true, calls);
        run(book, "income unknown, statuses only", incomeUnknown(), false, calls);
    }

    static void run(RuleBook book, String name, Map<String, Object> facts, boolean explain, int calls) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Locale nl = Locale.forLanguageTag("nl");
        long[] wall = new long[calls / 2];
        long[] cpu = new long[calls / 2];
        int sink = 0;
        for (int i = 0; i < calls; i++) {
            FactValues v = book.newFacts();
            facts.forEach((k, val) -> book.put(v, k, val));
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            sink += book.evaluate("demodorp", DATE, v, List.of(), nl, explain).size();
            long w = System.nanoTime() - w0;
            long c = threads.getCurrentThreadCpuTime() - c0;
            if (i >= calls / 2) {
                wall[i - calls / 2] = w;
                cpu[i - calls / 2] = c;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%-40s %9s %9s %9s %9s   %9s %9s%n", name, ms(wall, 0.50), ms(wall, 0.90), ms(wall, 0.99),
                ms(wall, 1.0), ms(cpu, 0.50), ms(cpu, 0.99));
        if (sink == 0) {
            throw new IllegalStateException("no results");
        }
    }

    private static String ms(long[] sorted, double quantile) {
        int i = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.3f ms", sorted[Math.max(0, i)] / 1e6);
    }
}

package be.loket.eligibility.internal;

import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The rent allowance (huurtoelage), all facts known, one thread: Loket's compiled evaluator (outcome
 * and every condition's status, no text), the same rule as one CEL expression in cel-java's standard
 * runtime, and in Camunda FEEL. Run: see docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class EligibilityBenchmark {
    static final LocalDate DATE = LocalDate.of(2023, 3, 15);

    RuleBook.Prepared prepared;
    Frame frame;
    FactValues values;
    CelRuntime.Program cel;
    Map<String, Object> celVars;
    FeelEngineApi feel;
    ParsedExpression feelExpression;
    Map<String, Object> feelVars;

    /** The single mother of seed 004: EUR 2,500 a month, rent EUR 903.33, family category. */
    static Map<String, Object> facts() {
        Map<String, Object> f = HuurtoelageTests.allMet();
        f.put("household.monthlyRent", 903.33);
        f.put("household.incomeLastThreeMonths", 7500.0);
        return f;
    }

    @Setup
    public void setUp() throws Exception {
        RuleBook book = RuleLoader.load(RuleSources.shippedFacts(), RuleSources.shippedParameters(),
                RuleSources.shippedRights(), Map.of(), false);
        prepared = book.prepare("huurtoelage", DATE);
        frame = new Frame();
        values = book.newFacts();
        facts().forEach((k, v) -> book.put(values, k, v));

        CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .addVar("household.municipality", SimpleType.STRING).addVar("household.isTenant", SimpleType.BOOL)
                .addVar("household.monthlyRent", SimpleType.DOUBLE).addVar("household.incomeLastThreeMonths", SimpleType.DOUBLE)
                .addVar("household.category", SimpleType.STRING).addVar("household.onSocialHousingWaitingList", SimpleType.BOOL)
                .addVar("household.ownsRealEstate", SimpleType.BOOL).addVar("household.receivesFlemishRentPremium", SimpleType.BOOL)
                .addVar("household.receivesFlemishRentSubsidy", SimpleType.BOOL).addVar("assessment.savingsAcceptable", SimpleType.BOOL)
                .addVar("leefloon.family", SimpleType.DOUBLE).addVar("leefloon.single", SimpleType.DOUBLE)
                .addVar("leefloon.cohabitant", SimpleType.DOUBLE).build();
        String rule = "household.municipality == 'demodorp' && household.isTenant"
                + " && household.monthlyRent > household.incomeLastThreeMonths / 3.0 / 3.0"
                + " && household.incomeLastThreeMonths * 4.0 <= 1.75 * 12.0 * (household.category == 'FAMILY' ? leefloon.family"
                + " : household.category == 'SINGLE' ? leefloon.single : leefloon.cohabitant)"
                + " && household.onSocialHousingWaitingList && !household.ownsRealEstate"
                + " && !household.receivesFlemishRentPremium && !household.receivesFlemishRentSubsidy"
                + " && assessment.savingsAcceptable";
        CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
        cel = runtime.createProgram(compiler.compile(rule).getAst());
        celVars = facts();
        celVars.put("leefloon.family", 1640.83);
        celVars.put("leefloon.single", 1214.13);
        celVars.put("leefloon.cohabitant", 809.42);

        feel = FeelEngineBuilder.forJava().build();
        feelExpression = feel.parseExpression("municipality = \"demodorp\" and isTenant"
                + " and monthlyRent > income / 3 / 3"
                + " and income * 4 <= 1.75 * 12 * (if category = \"FAMILY\" then lfFamily"
                + " else if category = \"SINGLE\" then lfSingle else lfCohabitant)"
                + " and onWaitingList and not(ownsRealEstate) and not(premium) and not(subsidy) and savingsAcceptable")
                .parsedExpression();
        feelVars = new HashMap<>();
        feelVars.put("municipality", "demodorp");
        feelVars.put("isTenant", true);
        feelVars.put("monthlyRent", 903.33);
        feelVars.put("income", 7500.0);
        feelVars.put("category", "FAMILY");
        feelVars.put("onWaitingList", true);
        feelVars.put("ownsRealEstate", false);
        feelVars.put("premium", false);
        feelVars.put("subsidy", false);
        feelVars.put("savingsAcceptable", true);
        feelVars.put("lfFamily", 1640.83);
        feelVars.put("lfSingle", 1214.13);
        feelVars.put("lfCohabitant", 809.42);
        if (!Boolean.TRUE.equals(cel()) || !Boolean.TRUE.equals(feel()) || compiled() != prepared.conditionCount()) {
            throw new IllegalStateException("the three engines disagree on the benchmark household");
        }
    }

    /** Outcome plus the sum of all condition statuses, so the statuses cannot be optimised away. */
    @Benchmark
    public int compiled() {
        int outcome = prepared.evaluate(frame, values);
        int statuses = 0;
        for (int i = 1; i < prepared.conditionCount(); i++) {
            statuses += frame.statuses[i];
        }
        return outcome + statuses;
    }

    @Benchmark
    public Object cel() throws Exception {
        return cel.eval(celVars);
    }

    @Benchmark
    public Object feel() {
        return feel.evaluate(feelExpression, feelVars).result();
    }

    /**
     * Evaluations per second of thread CPU time as well as of wall time: on a shared, loaded machine
     * the CPU-time figure is what the engine does when it actually runs.
     */
    static void cpuTime() throws Exception {
        EligibilityBenchmark b = new EligibilityBenchmark();
        b.setUp();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        String[] names = {"compiled", "cel", "feel"};
        for (String name : names) {
            java.util.concurrent.Callable<Object> op = name.equals("compiled") ? b::compiled : name.equals("cel") ? b::cel : b::feel;
            long n = name.equals("feel") ? 20_000 : name.equals("cel") ? 500_000 : 20_000_000;
            for (long i = 0; i < n / 2; i++) {
                op.call();
            }
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (long i = 0; i < n; i++) {
                op.call();
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            System.out.printf("  %-9s %,14.0f per CPU second   %,14.0f per wall second%n", name, n / cpu, n / wall);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--cpu-time")) {
            cpuTime();
            return;
        }
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(EligibilityBenchmark.class.getName() + "\\.").build()).run();
        Map<String, Double> score = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            score.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        double compiled = score.get("compiled");
        System.out.printf("%nhuurtoelage, all facts known, one thread (evaluations per second)%n");
        System.out.printf("  Loket compiled (with statuses): %,14.0f%n", compiled);
        System.out.printf("  CEL standard runtime:           %,14.0f   compiled/CEL  = %6.1fx%n", score.get("cel"),
                compiled / score.get("cel"));
        System.out.printf("  Camunda FEEL 1.19:              %,14.0f   compiled/FEEL = %6.1fx%n", score.get("feel"),
                compiled / score.get("feel"));
    }
}

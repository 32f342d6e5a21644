package be.loket.eligibility.internal;

import be.loket.eligibility.FactDefinition;
import be.loket.eligibility.FactType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Batch run: generated households x the whole catalogue of a municipality, facts held column-wise in
 * memory, on all cores. Prints the wall time and the outcome counts. Run: see docs/benchmarks.md.
 */
public final class BatchBenchmark {

    /** Facts of many households, one array per fact. */
    static final class Columns {
        final int size;
        final int[] slots;
        final double[][] num;
        final Object[][] obj;
        final boolean[][] known;

        Columns(RuleBook book, int size) {
            this.size = size;
            List<FactDefinition> facts = book.facts();
            slots = new int[facts.size()];
            num = new double[facts.size()][];
            obj = new Object[facts.size()][];
            known = new boolean[facts.size()][size];
            for (int f = 0; f < facts.size(); f++) {
                FactDefinition d = facts.get(f);
                slots[f] = book.schema.slot(d.name());
                if (d.type() == FactType.TEXT || d.type() == FactType.CHOICE) {
                    obj[f] = new Object[size];
                } else {
                    num[f] = new double[size];
                }
            }
        }

        Columns(RuleBook book, int size, long seed) {
            this(book, size);
            List<FactDefinition> facts = book.facts();
            Random random = new Random(seed);
            for (int f = 0; f < facts.size(); f++) {
                FactDefinition d = facts.get(f);
                for (int h = 0; h < size; h++) {
                    known[f][h] = random.nextInt(5) != 0;
                    switch (d.type()) {
                        case BOOLEAN: num[f][h] = random.nextBoolean() ? 1 : 0; break;
                        case MONEY: num[f][h] = random.nextInt(1_000_000) / 100.0; break;
                        case INTEGER: num[f][h] = random.nextInt(8); break;
                        case NUMBER: num[f][h] = random.nextDouble() * 100; break;
                        case CHOICE: obj[f][h] = d.values().get(random.nextInt(d.values().size())); break;
                        default: obj[f][h] = random.nextInt(10) == 0 ? "voorbeeldegem" : "demodorp"; break;
                    }
                }
            }
        }

        void load(int h, FactValues v) {
            for (int f = 0; f < slots.length; f++) {
                int s = slots[f];
                v.known[s] = known[f][h];
                if (num[f] != null) {
                    v.num[s] = num[f][h];
                } else {
                    v.obj[s] = obj[f][h];
                }
            }
        }
    }

    /**
     * Writes the columns into a PostgreSQL table (one row per household, one column per fact, NULL when
     * unknown) with COPY, then times reading them back into fresh columns: the batch's load step.
     */
    static Columns throughPostgres(RuleBook book, Columns generated, long[] millis) throws Exception {
        List<FactDefinition> facts = book.facts();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Connection c = pg.getPostgresDatabase().getConnection()) {
            StringBuilder ddl = new StringBuilder("create table household_fact (household_id integer primary key");
            for (int f = 0; f < facts.size(); f++) {
                FactType t = facts.get(f).type();
                ddl.append(", f").append(f).append(t == FactType.TEXT || t == FactType.CHOICE ? " varchar(40)"
                        : t == FactType.BOOLEAN ? " boolean" : " double precision");
            }
            try (Statement s = c.createStatement()) {
                s.execute(ddl.append(")").toString());
            }
            var copy = new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class));
            int chunk = 100_000;
            for (int from = 0; from < generated.size; from += chunk) {
                StringBuilder csv = new StringBuilder();
                for (int h = from; h < Math.min(generated.size, from + chunk); h++) {
                    csv.append(h);
                    for (int f = 0; f < facts.size(); f++) {
                        csv.append(',');
                        if (!generated.known[f][h]) {
                            continue;
                        }
                        FactType t = facts.get(f).type();
                        if (generated.num[f] == null) {
                            csv.append(generated.obj[f][h]);
                        } else if (t == FactType.BOOLEAN) {
                            csv.append(generated.num[f][h] != 0);
                        } else {
                            csv.append(generated.num[f][h]);
                        }
                    }
                    csv.append('\n');
                }
                copy.copyIn("copy household_fact from stdin with (format csv)", new StringReader(csv.toString()));
            }
            long start = System.nanoTime();
            Columns loaded = new Columns(book, generated.size);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(20_000);
                try (ResultSet rs = s.executeQuery("select * from household_fact order by household_id")) {
                    int h = 0;
                    while (rs.next()) {
                        for (int f = 0; f < facts.size(); f++) {
                            if (loaded.num[f] == null) {
                                loaded.obj[f][h] = rs.getString(f + 2);
                            } else if (facts.get(f).type() == FactType.BOOLEAN) {
                                loaded.num[f][h] = rs.getBoolean(f + 2) ? 1 : 0;
                            } else {
                                loaded.num[f][h] = rs.getDouble(f + 2);
                            }
                            loaded.known[f][h] = !rs.wasNull();
                        }
                        h++;
                    }
                }
            }
            millis[0] = (System.nanoTime() - start) / 1_000_000;
            return loaded;
        }
    }

    /** Outcome counts per right and outcome code (+1 so that -1 "not in force" fits). */
    static long[][] run(RuleBook.Batch batch, Columns c, RuleBook book, int from, int to) {
        long[][] counts = new long[batch.size()][4];
        Frame frame = new Frame();
        FactValues values = book.newFacts();
        byte[] outcomes = new byte[batch.size()];
        for (int h = from; h < to; h++) {
            c.load(h, values);
            batch.evaluate(frame, values, outcomes);
            for (int i = 0; i < outcomes.length; i++) {
                counts[i][outcomes[i] + 1]++;
            }
        }
        return counts;
    }

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean postgres = args.length > 1 && args[1].equals("--postgres");
        int threads = Runtime.getRuntime().availableProcessors();
        RuleBook book = RuleLoader.load(RuleSources.shippedFacts(), RuleSources.shippedParameters(),
                RuleSources.shippedRights(), Map.of(), false);
        RuleBook.Batch batch = book.batch("demodorp", LocalDate.of(2025, 3, 1));
        long t0 = System.nanoTime();
        Columns columns = new Columns(book, households, 42);
        long t1 = System.nanoTime();
        long[] loadMillis = {-1};
        if (postgres) {
            columns = throughPostgres(book, columns, loadMillis);
        }
        Columns data = columns;
        // Warm up on a slice so the JIT has compiled the evaluators before the clock runs.
        run(batch, data, book, 0, Math.min(households, 200_000));
        long t2 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Future<?>[] parts = new Future<?>[threads];
        long[][][] results = new long[threads][][];
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) households * t / threads);
            int to = (int) ((long) households * (t + 1) / threads);
            int index = t;
            parts[t] = pool.submit(() -> results[index] = run(batch, data, book, from, to));
        }
        for (Future<?> p : parts) {
            p.get();
        }
        long t3 = System.nanoTime();
        pool.shutdown();
        System.out.printf("%,d households x %d rights (demodorp, 2025-03-01) on %d threads%n", households, batch.size(), threads);
        System.out.printf("  generating the columns: %.2f s%n", (t1 - t0) / 1e9);
        if (postgres) {
            System.out.printf("  loading the facts from PostgreSQL (one query, fetch size 20,000): %.2f s%n", loadMillis[0] / 1e3);
        }
        System.out.printf("  evaluation wall time:   %.2f s  (%,.0f right evaluations per second)%n", (t3 - t2) / 1e9,
                households * (double) batch.size() / ((t3 - t2) / 1e9));
        System.out.println("  right                          not-in-force  not-eligible      eligible      possibly");
        for (int i = 0; i < batch.size(); i++) {
            long[] sum = new long[4];
            for (long[][] r : results) {
                for (int k = 0; k < 4; k++) {
                    sum[k] += r[i][k];
                }
            }
            System.out.printf("  %-30s %12d %13d %13d %13d%n", batch.rightId(i), sum[0], sum[1], sum[2], sum[3]);
        }
    }
}

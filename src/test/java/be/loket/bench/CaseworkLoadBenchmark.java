package be.loket.bench;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 3's load benchmark: a large city on PostgreSQL (100,000 citizens, 50,000 dossiers, 1,000,000
 * steps, 100 social workers), then 50 concurrent staff sessions on 127.0.0.1 alternating between their
 * "My work" list and one of their dossiers. Run: {@code bench/run be.loket.bench.CaseworkLoadBenchmark}
 * (optional arguments: virtual users, seconds measured, think time in ms between a user's clicks (0 = none),
 * warm-up seconds).
 */
public final class CaseworkLoadBenchmark {
    static final int PERSONS = 100_000;
    static final int DOSSIERS = 50_000;
    static final int STEPS_PER_DOSSIER = 20;
    static final int WORKERS = 100;

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int thinkMs = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int warmupSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        try (BenchDatabase db = new BenchDatabase()) {
            JdbcClient jdbc = db.app.getBean(JdbcClient.class);
            long t0 = System.nanoTime();
            generate(jdbc);
            System.out.printf("Generated %,d persons, %,d dossiers, %,d steps in %.1f s%n",
                    jdbc.sql("select count(*) from person").query(Long.class).single(),
                    jdbc.sql("select count(*) from dossier").query(Long.class).single(),
                    jdbc.sql("select count(*) from dossier_step").query(Long.class).single(), (System.nanoTime() - t0) / 1e9);
            // Each virtual user works as one of the generated social workers and opens that worker's own dossiers.
            List<List<UUID>> own = new java.util.ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                own.add(jdbc.sql("select d.id from dossier d join app_user u on u.id = d.owner_id where u.username = ?")
                        .param(worker(w)).query(UUID.class).list());
            }
            String base = "http://127.0.0.1:" + db.port;
            var pages = List.<LoadGenerator.Page>of(
                    new LoadGenerator.Page() {
                        public String name() {
                            return "my work";
                        }

                        public String path(int user, long i) {
                            return "/dossiers";
                        }
                    },
                    new LoadGenerator.Page() {
                        public String name() {
                            return "dossier page";
                        }

                        public String path(int user, long i) {
                            List<UUID> ids = own.get(user % WORKERS);
                            return "/dossiers/" + ids.get((int) ((i * 7919) % ids.size()));
                        }
                    });
            System.out.printf("Load: %d virtual users, think time %d ms, %d s warm-up, %d s measured, against %s%n", users, thinkMs,
                    warmupSeconds, seconds, base);
            for (var r : LoadGenerator.run(base, users, CaseworkLoadBenchmark::worker, "demo", pages, Duration.ofSeconds(warmupSeconds),
                    Duration.ofSeconds(seconds), Duration.ofMillis(thinkMs))) {
                System.out.println(r.line());
            }
        }
    }

    static String worker(int i) {
        return String.format("bench-sw-%03d", i % WORKERS);
    }

    static void generate(JdbcClient jdbc) {
        UUID tenant = jdbc.sql("select id from tenant where code = 'demodorp'").query(UUID.class).single();
        UUID socialService = jdbc.sql("select organisation_id from app_user where username = 'demo-socialworker'").query(UUID.class).single();
        UUID partner = jdbc.sql("select organisation_id from app_user where username = 'demo-partner'").query(UUID.class).single();
        String hash = jdbc.sql("select password_hash from app_user where username = 'demo-socialworker'").query(String.class).single();
        jdbc.sql("""
                insert into app_user (id, tenant_id, organisation_id, username, password_hash, display_name, language, enabled, created_at)
                select gen_random_uuid(), :tenant, :org, 'bench-sw-' || lpad(g::text, 3, '0'), :hash, 'Bench Worker ' || g, 'nl', true, now()
                from generate_series(0, :workers - 1) g""")
                .param("tenant", tenant).param("org", socialService).param("hash", hash).param("workers", WORKERS).update();
        jdbc.sql("insert into app_user_role (tenant_id, user_id, role) select tenant_id, id, 'SOCIAL_WORKER' from app_user where username like 'bench-sw-%'")
                .update();
        jdbc.sql("""
                insert into person (id, tenant_id, first_name, last_name, birth_date, street, house_number, postal_code, city,
                    preferred_channel, language, needs_interpreter, search_name, search_address, version, created_at, created_by,
                    updated_at, updated_by)
                select gen_random_uuid(), :tenant, 'Voornaam' || g, 'Achternaam' || (g % 5000), date '1940-01-01' + (g % 25000),
                    'Benchstraat', (g % 300)::text, '9990', 'Demodorp', 'LETTER', 'nl', false,
                    'voornaam' || g || ' achternaam' || (g % 5000), 'benchstraat ' || (g % 300) || ' 9990 demodorp', 0, now(), 'bench',
                    now(), 'bench'
                from generate_series(1, :n) g""").param("tenant", tenant).param("n", PERSONS).update();
        jdbc.sql("""
                insert into dossier (id, tenant_id, person_id, owner_id, status, life_domains, opened_at, opened_by,
                    last_activity_at, owner_seen_at, version)
                select gen_random_uuid(), :tenant, p.id, w.id, case when p.n % 3 = 0 then 'IN_FOLLOW_UP' else 'OPEN' end,
                    'HOUSING,DEBT', now() - (p.n % 700) * interval '1 day', 'bench', now() - (p.n % 300) * interval '1 hour',
                    now() - interval '3 days', 0
                from (select id, row_number() over (order by id) as n from person where created_by = 'bench') p
                join (select id, row_number() over (order by username) - 1 as k from app_user where username like 'bench-sw-%') w
                  on w.k = p.n % :workers
                where p.n <= :dossiers""")
                .param("tenant", tenant).param("workers", WORKERS).param("dossiers", DOSSIERS).update();
        jdbc.sql("""
                insert into dossier_step (id, tenant_id, dossier_id, kind, visibility, body, author_id, author_name, organisation_id,
                    organisation_name, by_partner, occurred_on, created_at)
                select gen_random_uuid(), :tenant, d.id,
                    (array['NOTE','PHONE_CALL','LETTER','HOME_VISIT','REFERRAL','PARTNER_ACTION','DECISION','DOCUMENT'])[1 + s % 8],
                    case when s % 3 = 0 then 'SHARED' else 'INTERNAL' end,
                    'Stap ' || s || ': gesprek met de cliënt over de huur, de energiefactuur en het budget; afspraken gemaakt.',
                    case when s % 10 = 0 then null else d.owner_id end,
                    case when s % 10 = 0 then 'Partner' else 'Bench Worker' end,
                    case when s % 10 = 0 then cast(:partner as uuid) else null end,
                    case when s % 10 = 0 then 'Schuldbemiddeling CAW Demoland' else null end,
                    s % 10 = 0, current_date - s, now() - s * interval '6 hours'
                from dossier d cross join generate_series(1, :steps) s where d.opened_by = 'bench'""")
                .param("tenant", tenant).param("partner", partner).param("steps", STEPS_PER_DOSSIER).update();
        jdbc.sql("analyze").update();
    }
}

package be.loket.outreach;

import be.loket.outreach.internal.AgreementCommand;
import be.loket.outreach.internal.Agreements;
import be.loket.outreach.internal.ImportJobs;
import be.loket.outreach.internal.ImportingPartnerList;
import be.loket.outreach.internal.ListField;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.LoketPostgresTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not part of the test suite (the name does not end in Tests): run on purpose with
 * {@code ./mvnw -B -o test -Dtest=ImportBenchmark -Dbench.citizens=1000000 -Dbench.rows=100000}.
 * Loads fictitious citizens straight into PostgreSQL, then imports and matches a rent-arrears list of
 * which a share has no national number (matched on name, birth date and address) and prints timings
 * to stdout and target/import-benchmark.txt. The import runs as the background job the page starts, including
 * the rights evaluation of the matched households (the worklists per right).
 */
@LoketPostgresTest
class ImportBenchmark {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Agreements agreements;
    @Autowired
    ImportingPartnerList importing;
    @Autowired
    ImportJobs jobs;
    @Autowired
    be.loket.outreach.internal.RetentionPurge purge;

    final StringBuilder report = new StringBuilder();

    @Test
    void importAndMatchAgainstManyCitizens() throws IOException {
        int citizens = Integer.getInteger("bench.citizens", 1_000_000);
        int rows = Integer.getInteger("bench.rows", 100_000);
        double withoutInsz = Double.parseDouble(System.getProperty("bench.withoutInsz", "0.01"));
        int unknownEvery = Integer.getInteger("bench.unknownEvery", 100);
        String listType = System.getProperty("bench.list", "WAITING_LIST");
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        long t0 = System.nanoTime();
        jdbc.sql("""
                insert into person (id, tenant_id, first_name, last_name, birth_date, insz, street, house_number, postal_code, city,
                    search_name, search_address, created_at, created_by, updated_at, updated_by)
                select gen_random_uuid(), ?, first_name, last_name, bd,
                    first9 || lpad((97 - ((first9::bigint + case when bd >= date '2000-01-01' then 2000000000 else 0 end) % 97))::text, 2, '0'),
                    'Benchstraat', (i % 400 + 1)::text, '9990', 'Demodorp', lower(first_name || ' ' || last_name),
                    'benchstraat ' || (i % 400 + 1) || ' 9990 demodorp', now(), 'bench', now(), 'bench'
                from (select i, bd, to_char(bd, 'YYMMDD') || lpad((i / 25000 + 500)::text, 3, '0') as first9,
                        (array['Jan','Piet','Els','An','Mohamed','Fatima','Lotte','Wout','Noor','Sara','Tom','Lien','Bram','Ines',
                               'Youssef','Emma','Lucas','Nina','Arne','Hanne'])[1 + i % 20]
                          || (array['','a','e','o','ie','y','i','en'])[1 + (i / 20) % 8] as first_name,
                        (array['Van','De','Ver','Ter','Mer','Bo','Kla','Pee','Jans','Wou'])[1 + i % 10]
                          || (array['straeten','meulen','hoeven','sen','ters','mans','kens','broeck','velde','bos','linden','heyden'])[1 + (i / 10) % 12]
                          || (array['','s','e','x','er','ink','aert'])[1 + (i / 120) % 7] as last_name
                      from (select i, date '1940-01-01' + (i % 25000) as bd from generate_series(0, ? - 1) i) s) n""")
                .params(tenant, citizens).update();
        log("loaded %,d citizens in %.1f s", citizens, secondsSince(t0));
        if (Boolean.parseBoolean(System.getProperty("bench.households", "true"))) {
            // Households of two, paired at random (by id): a list mostly names one member of a household, as in life.
            long th = System.nanoTime();
            jdbc.sql("""
                    create table bench_pair as select md5('bench-household-' || ((n - 1) / 2))::uuid as household_id, id as person_id,
                        case when n % 2 = 1 then 'REFERENCE_PERSON' else 'PARTNER' end as relation
                    from (select id, row_number() over (order by id) as n from person where tenant_id = ? and created_by = 'bench') s""")
                    .param(tenant).update();
            jdbc.sql("""
                    insert into household (id, tenant_id, name, created_at, created_by)
                    select distinct household_id, ?, 'Gezin', now(), 'bench' from bench_pair""").param(tenant).update();
            int members = jdbc.sql("""
                    insert into household_member (id, tenant_id, household_id, person_id, relation, valid_from, created_at, created_by)
                    select gen_random_uuid(), ?, household_id, person_id, relation, date '2020-01-01', now(), 'bench' from bench_pair""")
                    .param(tenant).update();
            jdbc.sql("drop table bench_pair").update();
            log("put them in households of two (%,d members) in %.1f s", members, secondsSince(th));
        }
        if (Boolean.parseBoolean(System.getProperty("bench.grams", "true"))) {
            long t1 = System.nanoTime();
            indexNameGrams();
            log("indexed their name trigrams in %.1f s", secondsSince(t1));
        } else {
            // Profiling only: rows with a birth date never use the name index, so its long set-up can be skipped.
            log("name trigrams not indexed (bench.grams=false)");
        }
        jdbc.sql("analyze").update();

        // The list: every citizens/rows-th bench citizen, a share without national number, 1 % unknown people.
        List<String[]> picked = jdbc.sql("""
                        select insz, first_name, last_name, to_char(birth_date, 'DD/MM/YYYY'), house_number from person
                        where tenant_id = ? and created_by = 'bench' order by insz limit ?""")
                .params(tenant, rows).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)}).list();
        // The housing company's waiting list (the list that feeds the rights worklists), or its rent-arrears list.
        boolean waiting = !"RENT_ARREARS".equals(listType);
        StringBuilder csv = new StringBuilder("Rijksregisternummer;Naam;Voornaam;Geboortedatum;Straat;Huisnummer;Postcode;Gemeente;"
                + (waiting ? "Inschrijvingsdatum;Geen onroerend goed;Geen huurpremie;Huurprijs" : "Achterstal;Maanden achterstal;Maandhuur")
                + "\r\n");
        int noInsz = (int) (rows * withoutInsz);
        for (int i = 0; i < picked.size(); i++) {
            String[] p = picked.get(i);
            boolean unknown = unknownEvery > 0 && i % unknownEvery == unknownEvery - 1;
            String insz = i < noInsz ? "" : p[0];
            String last = unknown ? "Onbekend" + Integer.toString(i, 36) : p[2];
            csv.append(unknown ? "" : insz).append(';').append(last).append(';').append(p[1]).append(';').append(p[3])
                    .append(";Benchstraat;").append(p[4]).append(";9990;Demodorp;");
            if (waiting) {
                // Most confirm no property and no Flemish premium; some do not (they drop off the rights' lists).
                csv.append(String.format("%02d/%02d/2024;", 1 + i % 28, 1 + i % 12)).append(i % 10 == 0 ? "nee" : "ja").append(';')
                        .append(i % 7 == 0 ? "nee" : "ja");
            } else {
                csv.append('"').append(100 + i % 900).append(",50\";").append(1 + i % 6);
            }
            csv.append(";\"").append(450 + i % 500).append(",00\"\r\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        log("list of %,d rows (%,d without national number, %,d unknown), %,d bytes", picked.size(), noInsz, unknownEvery > 0 ? picked.size() / unknownEvery : 0, file.length);

        SystemActor.runAs(tenant, "bench", () -> {
            UUID partner = jdbc.sql("select id from organisation where tenant_id = ? and type = 'SOCIAL_HOUSING_COMPANY'").param(tenant)
                    .query(UUID.class).single();
            UUID agreement = agreements.record(new AgreementCommand(partner, "Benchmark", "PUBLIC_TASK", null, List.of("WAITING_LIST", "RENT_ARREARS"),
                    Arrays.stream(ListField.values()).map(Enum::name).toList(), "30", "2025-01-01", null));
            long t2 = System.nanoTime();
            UUID upload = importing.upload(agreement, waiting ? "WAITING_LIST" : "RENT_ARREARS", "bench.csv", file);
            var preview = importing.preview(upload, null);
            log("upload, read and check of every row (preview): %.1f s, %,d valid, %,d with errors", secondsSince(t2),
                    preview.checked().valid().size(), preview.checked().invalidRows());
            // The import as the user starts it: a background job; this thread watches its progress like the page does.
            long t3 = System.nanoTime();
            UUID job = jobs.queue(upload, null, ImportingPartnerList.Mode.ALL);
            double matchedAt = 0;
            ImportJobs.Job j = jobs.job(job);
            while (j.running()) {
                sleep(100);
                j = jobs.job(j.id());
                if (matchedAt == 0 && j.importId() != null) {
                    matchedAt = secondsSince(t3);
                }
            }
            double total = secondsSince(t3);
            if (j.state() != ImportJobs.State.DONE) {
                throw new AssertionError("import job ended " + j.state() + " " + j.problems());
            }
            var result = importing.result(j.importId());
            log("import job: check again, match, facts, worklist: %.1f s; matches %s", matchedAt, result.matches());
            log("import job: rights evaluation of %,d households: %.1f s", j.households(), total - matchedAt);
            long entries = jdbc.sql("select count(*) from outreach_right_entry where tenant_id = ? and active = true").param(tenant)
                    .query(Long.class).single();
            List<String> perRight = jdbc.sql("""
                            select right_id || ' ' || outcome || ' ' || count(*) from outreach_right_entry where tenant_id = ? and active = true
                            group by right_id, outcome order by right_id, outcome""").param(tenant).query(String.class).list();
            log("worklist entries: %,d %s", entries, perRight);
            log("import job total (match + evaluate): %.1f s", total);
            log("total from upload to imported and evaluated: %.1f s", secondsSince(t2));
            if (Boolean.parseBoolean(System.getProperty("bench.purge", "false"))) {
                // The nightly purge of the same import once its retention has passed.
                jdbc.sql("update outreach_import set purge_after = current_date - 1 where id = ?").param(j.importId()).update();
                jdbc.sql("update outreach_job set next_run_at = now() - interval '1 day', locked_until = null where tenant_id = ?")
                        .param(tenant).update();
                long t4 = System.nanoTime();
                var purged = purge.runIfDue(tenant).orElseThrow();
                log("retention purge of the import: %.1f s, %,d rows and %,d facts", secondsSince(t4), purged.rows(), purged.facts());
            }
        });
        Files.writeString(Path.of("target/import-benchmark.txt"), report);
    }

    void indexNameGrams() {
        jdbc.sql("""
                insert into person_name_gram (tenant_id, person_id, gram)
                select p.tenant_id, p.id, substr('  ' || w.word || ' ', k, 3)
                from person p cross join lateral regexp_split_to_table(p.search_name, ' ') w(word)
                cross join lateral generate_series(1, length(w.word) + 1) k
                where p.created_by = 'bench' on conflict do nothing""").update();
    }

    void log(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("BENCH " + line);
        report.append(line).append('\n');
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

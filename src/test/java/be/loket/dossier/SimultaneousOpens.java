package be.loket.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import be.loket.platform.RunAs;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two opens of a dossier for the same citizen at the same moment (ADR 0205), for H2 and PostgreSQL alike.
 * The first holds its transaction open after inserting, so the second's check cannot see that dossier yet;
 * the database's unique key must still refuse the second, with the same message as the check.
 */
record SimultaneousOpens(Dossiers dossiers, TransactionTemplate tx, UserDetailsService users, JdbcClient jdbc) {

    static SimultaneousOpens in(ApplicationContext context) {
        return new SimultaneousOpens(context.getBean(Dossiers.class), context.getBean(TransactionTemplate.class),
                context.getBean(UserDetailsService.class), context.getBean(JdbcClient.class));
    }

    /** Two simultaneous opens for a citizen of Demodorp without a dossier. */
    void makeOneDossierFor(UUID person) throws Exception {
        makeOneDossier(person, jdbc.sql("select id from tenant where code = 'demodorp'").query(UUID.class).single());
    }

    void makeOneDossier(UUID person, UUID tenant) throws Exception {
        var inserted = new CountDownLatch(1);
        var secondStarted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<UUID> first = pool.submit(() -> RunAs.user(users.loadUserByUsername("demo-frontdesk"), () -> tx.execute(s -> {
                UUID id = dossiers.open(new OpenDossier(person, null, null, List.of()));
                inserted.countDown();
                try {
                    secondStarted.await(10, TimeUnit.SECONDS);
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return id;
            })));
            assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(jdbc.sql("select count(*) from dossier where person_id = ?").param(person).query(Long.class).single())
                    .as("the first open is not committed yet").isZero();
            Future<UUID> second = pool.submit(() -> RunAs.user(users.loadUserByUsername("demo-socialworker"), () -> {
                secondStarted.countDown();
                return dossiers.open(new OpenDossier(person, null, null, List.of()));
            }));
            UUID id = first.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidInputException.class)
                    .cause().satisfies(e -> assertThat(((InvalidInputException) e).violations())
                            .extracting(FieldViolation::messageKey).containsExactly("dossier.person.alreadyOpen"));
            assertThat(jdbc.sql("select id from dossier where person_id = ?").param(person).query(UUID.class).list()).containsExactly(id);
        } finally {
            pool.shutdownNow();
        }
        // The database itself refuses a second ongoing dossier, whoever writes it.
        assertThatThrownBy(() -> jdbc.sql("""
                insert into dossier (id, tenant_id, person_id, status, opened_at, opened_by, last_activity_at, owner_seen_at, open_person_id)
                values (?, ?, ?, 'OPEN', current_timestamp, 'x', current_timestamp, current_timestamp, ?)""")
                .params(UUID.randomUUID(), tenant, person, person).update()).isInstanceOf(DuplicateKeyException.class);
    }
}

package be.loket.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL server (zonky embedded binaries, no Docker) for the tests that must prove Loket runs
 * on production's database. If the server cannot start, the context fails and so do the tests: never a skip.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfig {

    // Closed by Spring after the context, not in @AfterAll (that hangs for 30 s).
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().start();
    }

    /** Pooled as in production: an unpooled source opens a server process per transaction, which benchmarks would measure. */
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setMaximumPoolSize(10);
        // At JVM exit the embedded server's own hook may stop it before Spring closes this pool: a background
        // job asking for a connection then must give up at once, not wait the default 30 s.
        pool.setConnectionTimeout(1000);
        return pool;
    }
}

package be.loket.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Loket with its demo data on an embedded PostgreSQL, served on a free port of 127.0.0.1, for benchmarks. */
final class BenchDatabase implements AutoCloseable {
    final EmbeddedPostgres postgres;
    final ConfigurableApplicationContext app;
    final int port;

    BenchDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "512MB").setServerConfig("max_connections", "200")
                .start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        app = new SpringApplicationBuilder(be.loket.LoketApplication.class).profiles("demo")
                .properties("LOKET_DB_URL=" + url, "LOKET_DB_USER=postgres", "LOKET_DB_PASSWORD=",
                        "logging.level.root=WARN", "spring.main.banner-mode=off")
                .run("--server.port=0", "--server.address=127.0.0.1");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() throws IOException {
        app.close();
        postgres.close();
    }
}

package be.loket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The prod profile needs an explicit database and never loads demo users or citizens. */
class ProductionProfileTests {

    @Test
    void productionStartsWithAnEmptyMigratedDatabaseAndNoDemoUsers() {
        try (var context = new SpringApplicationBuilder(LoketApplication.class).profiles("prod")
                .properties("LOKET_DB_URL=jdbc:h2:mem:prod-check;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                        "LOKET_DB_USER=sa", "LOKET_DB_PASSWORD=", "spring.main.banner-mode=off")
                .run("--server.port=0")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();
        }
    }

    @Test
    void productionRefusesToStartWithoutADatabaseUrl() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LoketApplication.class).web(WebApplicationType.NONE).profiles("prod")
                .properties("spring.main.banner-mode=off").run().close())
                .hasStackTraceContaining("The prod profile needs a database: set LOKET_DB_URL");
    }
}

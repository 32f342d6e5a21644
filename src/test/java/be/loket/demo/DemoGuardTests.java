package be.loket.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.LoketApplication;
import be.loket.demo.DemoGuard.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Demo users never reach a real database by accident: only the embedded database or an explicit demo profile get them. */
class DemoGuardTests {
    static final String POSTGRES = "jdbc:postgresql://db.example:5432/loket";

    @Test
    void theEmbeddedDatabaseGetsTheDemoByDefault() {
        assertThat(DemoGuard.decide(List.of(), null)).isEqualTo(Decision.LOAD);
        assertThat(DemoGuard.decide(List.of(), " ")).isEqualTo(Decision.LOAD);
    }

    @Test
    void anExplicitDemoProfileLoadsTheDemoIntoAnyDatabase() {
        assertThat(DemoGuard.decide(List.of("demo"), POSTGRES)).isEqualTo(Decision.LOAD);
        assertThat(DemoGuard.decide(List.of("prod", "demo"), POSTGRES)).isEqualTo(Decision.LOAD);
    }

    @Test
    void anExternalDatabaseWithoutAChosenProfileIsRefused() {
        assertThat(DemoGuard.decide(List.of(), POSTGRES)).isEqualTo(Decision.REFUSE);
        assertThat(DemoGuard.decide(List.of("test"), POSTGRES)).isEqualTo(Decision.REFUSE);
    }

    @Test
    void loketRefusesToStartBeforeTouchingTheDatabase() {
        // An unreachable PostgreSQL: the refusal must come before any connection attempt (which would fail differently).
        assertThatThrownBy(() -> new SpringApplicationBuilder(LoketApplication.class).web(WebApplicationType.NONE)
                .properties("LOKET_DB_URL=jdbc:postgresql://127.0.0.1:1/loket", "LOKET_DB_USER=loket", "LOKET_DB_PASSWORD=x",
                        "spring.main.banner-mode=off")
                .run().close())
                .hasStackTraceContaining("no profile was chosen, so Loket would start as the demo");
    }
}

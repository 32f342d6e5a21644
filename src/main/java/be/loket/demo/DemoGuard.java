package be.loket.demo;

import java.util.Arrays;
import java.util.Collection;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The demo profile is Loket's default (so that {@code java -jar loket.jar} is the demo), which must never
 * put demo users with the password "demo" into a real database: with {@code LOKET_DB_URL} set and the
 * demo profile not asked for explicitly, Loket refuses to start, before any connection is made (ADR 0012).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoGuard {

    enum Decision { LOAD, REFUSE }

    static final String REFUSAL = "LOKET_DB_URL points to a database, but no profile was chosen, so Loket would start as the "
            + "demo and load demo users (password \"demo\") into that database. For production set SPRING_PROFILES_ACTIVE=prod; "
            + "to load the fictitious demo world into this database on purpose set SPRING_PROFILES_ACTIVE=demo.";

    /**
     * Demo data is loaded only when the demo profile was chosen explicitly, or when Loket runs on its
     * embedded database (no LOKET_DB_URL), where the demo by default is the point.
     */
    static Decision decide(Collection<String> activeProfiles, String databaseUrl) {
        if (activeProfiles.contains("demo") || databaseUrl == null || databaseUrl.isBlank()) {
            return Decision.LOAD;
        }
        return Decision.REFUSE;
    }

    @Bean
    static BeanFactoryPostProcessor refuseDemoDataInAnExternalDatabase(Environment env) {
        return beanFactory -> {
            if (decide(Arrays.asList(env.getActiveProfiles()), env.getProperty("LOKET_DB_URL")) == Decision.REFUSE) {
                throw new IllegalStateException(REFUSAL);
            }
        };
    }
}

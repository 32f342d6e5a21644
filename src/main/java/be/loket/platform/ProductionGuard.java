package be.loket.platform;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * In production, refuse to start without an explicit database, with a message an operator understands,
 * before any connection is attempted.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionGuard {

    @Bean
    static BeanFactoryPostProcessor requireProductionDatabase(Environment env) {
        return beanFactory -> {
            String url = env.getProperty("LOKET_DB_URL");
            if (url == null || url.isBlank() || !url.startsWith("jdbc:")) {
                throw new IllegalStateException("The prod profile needs a database: set LOKET_DB_URL (jdbc:postgresql://...), "
                        + "LOKET_DB_USER and LOKET_DB_PASSWORD");
            }
        };
    }
}

package be.loket.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock in Europe/Brussels for the whole application, replaceable in tests. */
@Configuration(proxyBeanMethods = false)
class TimeConfig {
    @Bean
    Clock clock() {
        return Clock.system(Times.ZONE);
    }
}

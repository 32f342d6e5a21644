package be.loket.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling is switched on once, here. Each job decides for itself whether it runs (its own property)
 * and claims its run in the database, so several instances can schedule it safely.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}

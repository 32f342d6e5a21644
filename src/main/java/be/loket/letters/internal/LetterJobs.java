package be.loket.letters.internal;

import be.loket.platform.Jobs;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Failed letters are delivered again by one instance of the cluster, every quarter hour (db-scheduler, ADR 0009). */
@Configuration(proxyBeanMethods = false)
class LetterJobs {

    @Bean
    RecurringTask<Void> letterRetriesJob(LetterRetries retries, @Value("${loket.letters.retry.cron:0 */15 * * * *}") String cron) {
        return Jobs.cron("letter-retries", cron, retries::retry);
    }
}

package be.loket.outreach.internal;

import be.loket.platform.Jobs;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's recurring jobs on db-scheduler (ADR 0009). Each is triggered hourly on one instance; the
 * per-tenant claim inside decides whether that tenant's run is due (purge every 6 hours, evaluation nightly).
 */
@Configuration(proxyBeanMethods = false)
class OutreachJobs {

    @Bean
    RecurringTask<Void> retentionPurgeJob(RetentionPurge purge, @Value("${loket.outreach.purge.cron:0 10 * * * *}") String cron) {
        return Jobs.cron("retention-purge", cron, purge::poll);
    }

    @Bean
    RecurringTask<Void> nightlyRightsEvaluationJob(NightlyRightsEvaluation evaluation,
            @Value("${loket.outreach.evaluation.cron:0 40 * * * *}") String cron) {
        return Jobs.cron("nightly-rights-evaluation", cron, evaluation::poll);
    }
}

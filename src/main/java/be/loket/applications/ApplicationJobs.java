package be.loket.applications;

import be.loket.platform.Jobs;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's daily jobs on db-scheduler (ADR 0009): one instance of the cluster runs each. */
@Configuration(proxyBeanMethods = false)
class ApplicationJobs {

    @Bean
    RecurringTask<Void> grantRemindersJob(Reminders reminders, @Value("${loket.applications.reminders.cron:0 0 7 * * *}") String cron) {
        return Jobs.cron("grant-reminders", cron, reminders::daily);
    }

    @Bean
    RecurringTask<Void> grantProposalsJob(GrantProposals proposals,
            @Value("${loket.applications.proposals.cron:0 30 6 * * *}") String cron) {
        return Jobs.cron("grant-proposals", cron, proposals::daily);
    }
}

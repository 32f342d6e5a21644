package be.loket.letters.internal;

import be.loket.applications.ApplicationDecided;
import be.loket.applications.ReminderDue;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Delivers again the decisions and reminders whose letter failed (a template an administrator broke, the
 * print queue briefly unavailable): every interval, one instance (claim row) resubmits the incomplete
 * event publications older than the interval. The letter's reference keeps a letter single if a
 * delivery did get through after all.
 */
@Component
class LetterRetries {
    private static final Logger LOG = LoggerFactory.getLogger(LetterRetries.class);
    /** job_claim is per tenant; this job spans all of them. */
    private static final UUID ALL_TENANTS = new UUID(0, 0);

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration interval;
    private final boolean enabled;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    LetterRetries(IncompleteEventPublications incomplete, JdbcClient jdbc, Clock clock,
            @Value("${loket.letters.retry.interval:PT15M}") Duration interval,
            @Value("${loket.letters.retry.enabled:true}") boolean enabled) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = interval;
        this.enabled = enabled;
    }

    void retry() {
        if (!enabled) {
            return;
        }
        Instant now = clock.instant();
        String slot = String.valueOf(now.getEpochSecond() / Math.max(60, interval.toSeconds()));
        int claimed = jdbc.sql("""
                insert into job_claim (tenant_id, job, run_key, claimed_at, claimed_by) values (?, 'letter-retries', ?, ?, ?)
                on conflict do nothing""").params(ALL_TENANTS, slot, OffsetDateTime.now(clock), instance).update();
        if (claimed == 0) {
            return;
        }
        Instant before = now.minus(interval);
        incomplete.resubmitIncompletePublications(p -> p.getPublicationDate().isBefore(before)
                && (p.getEvent() instanceof ApplicationDecided || p.getEvent() instanceof ReminderDue));
        LOG.debug("Resubmitted incomplete letter events older than {}", before);
    }
}

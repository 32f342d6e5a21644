package be.loket.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per user and locks the account for a while after too many, which stops
 * password guessing through both the login form and the API. A successful login resets the count.
 */
@Component
class LoginAttempts {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginAttempts(JdbcClient jdbc, Clock clock, @Value("${loket.security.max-failed-logins:5}") int maxFailures,
            @Value("${loket.security.lockout-duration:15m}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal()).strip();
        jdbc.sql("update app_user set failed_attempts = failed_attempts + 1 where username = ?").param(username).update();
        jdbc.sql("update app_user set locked_until = ?, failed_attempts = 0 where username = ? and failed_attempts >= ?")
                .params(OffsetDateTime.now(clock).plus(lockout), username, maxFailures).update();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        // HTTP Basic authenticates every API call: write only when something changes, at most once a minute.
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                        update app_user set failed_attempts = 0, locked_until = null, last_login_at = ?
                        where username = ? and (failed_attempts > 0 or last_login_at is null or last_login_at < ?)""")
                .params(now, event.getAuthentication().getName(), now.minusMinutes(1)).update();
    }
}

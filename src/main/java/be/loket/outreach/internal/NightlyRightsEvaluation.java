package be.loket.outreach.internal;

import be.loket.platform.SystemActor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Once a day per tenant, the rights engine runs again over every citizen partner lists told something
 * about: new rules, parameters or grants change the worklists even without a new list. Claimed per tenant
 * in {@code outreach_job} like the retention purge, so one instance runs it (ADR 0404).
 */
@Component
public class NightlyRightsEvaluation {
    static final String JOB = "rights-evaluation";
    private static final Logger LOG = LoggerFactory.getLogger(NightlyRightsEvaluation.class);

    private final JdbcClient jdbc;
    private final JobClaims claims;
    private final RightsWorklists rights;
    private final Duration interval;
    private final Duration lease;

    NightlyRightsEvaluation(JdbcClient jdbc, JobClaims claims, RightsWorklists rights,
            @Value("${loket.outreach.evaluation.interval:P1D}") Duration interval,
            @Value("${loket.outreach.evaluation.lease:PT2H}") Duration lease) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.rights = rights;
        this.interval = interval;
        this.lease = lease;
    }

    void poll() {
        List<UUID> tenants = jdbc.sql("select distinct tenant_id from outreach_fact").query(UUID.class).list();
        for (UUID tenant : tenants) {
            try {
                runIfDue(tenant);
            } catch (RuntimeException e) {
                LOG.error("Rights evaluation failed for tenant {}", tenant, e);
            }
        }
    }

    /** Evaluates one tenant if its run is due and no other instance holds it; the number of households, empty when not claimed. */
    public Optional<Integer> runIfDue(UUID tenant) {
        if (!claims.claim(tenant, JOB, lease)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SystemActor.runAs(tenant, "system-outreach", () -> rights.evaluate(rights.personsWithListFacts(), done -> {
            })));
        } finally {
            claims.release(tenant, JOB, interval);
        }
    }
}

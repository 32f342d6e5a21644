package be.loket.applications;

import be.loket.audit.AuditLog;
import be.loket.eligibility.Eligibility;
import be.loket.eligibility.FactDefinition;
import be.loket.eligibility.Outcome;
import be.loket.eligibility.Right;
import be.loket.eligibility.RightResult;
import be.loket.person.People;
import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.StaleVersionException;
import be.loket.platform.SystemActor;
import be.loket.platform.Texts;
import be.loket.platform.Validation;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renewals and automatic granting (seed 004), always confirmed by a staff member. A daily, cluster-safe job
 * (claim per municipality and day, unique proposal per citizen, right and year) (a) from the renewal date
 * on prepares the renewal of every grant that ends this year and, where all facts for the new year are
 * known and every proof is still valid on 1 January, proposes it; (b) where a right's rule allows
 * automatic granting, proposes a grant for a citizen who did not apply when the facts of partner lists
 * alone (never the citizen's own declarations) make them eligible. Case workers see the proposals and
 * confirm or reject them; nothing is granted without that confirmation and the normal decision after it.
 */
@Service
@Transactional
public class GrantProposals {
    private static final Logger LOG = LoggerFactory.getLogger(GrantProposals.class);
    static final String JOB = "grant-proposals";
    static final String SYSTEM_USER = "proposals";

    private final JdbcClient jdbc;
    private final Applications applications;
    private final Eligibility eligibility;
    private final List<TrustedFacts> trustedFacts;
    private final People people;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate claimTx;
    private final TransactionTemplate itemTx;
    private final MonthDay renewalDate;
    private final int trustedMonths;
    private final boolean enabled;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    GrantProposals(JdbcClient jdbc, Applications applications, Eligibility eligibility, List<TrustedFacts> trustedFacts, People people,
            AuditLog audit, MessageSource messages, Clock clock, PlatformTransactionManager transactions,
            @Value("${loket.applications.reminders.renewal-date:--11-01}") String renewalDate,
            @Value("${loket.applications.proposals.trusted-facts-months:6}") int trustedMonths,
            @Value("${loket.applications.proposals.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.eligibility = eligibility;
        this.trustedFacts = trustedFacts;
        this.people = people;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.claimTx = new TransactionTemplate(transactions);
        this.claimTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.itemTx = new TransactionTemplate(transactions);
        this.itemTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.renewalDate = MonthDay.parse(renewalDate);
        this.trustedMonths = trustedMonths;
        this.enabled = enabled;
    }

    // ---------------------------------------------------------------- the staff's list

    /** The proposals waiting for confirmation in the acting worker's municipality, oldest first. */
    @Transactional(readOnly = false)
    public List<GrantProposal> open() {
        Actor actor = worker();
        List<GrantProposal> list = jdbc.sql("select * from grant_proposal where tenant_id = ? and status = 'PROPOSED' order by proposed_at, id")
                .param(actor.tenantId()).query(this::proposal).list();
        if (list.isEmpty()) {
            audit.write(AuditLog.Action.SEARCH, Applications.AUDIT_TYPE, null, "grant proposals=0");
            return list;
        }
        Map<UUID, String> names = people.names(list.stream().map(GrantProposal::personId).distinct().toList());
        Locale locale = LocaleContextHolder.getLocale();
        List<GrantProposal> named = list.stream().map(p -> new GrantProposal(p.id(), p.kind(), p.personId(), names.get(p.personId()),
                p.rightId(), rightName(p.rightId(), locale), p.forYear(), p.periodFrom(), p.periodUntil(), p.monthlyAmount(),
                p.evaluationOutcome(), p.facts(), p.applicationId(), p.status(), p.proposedAt())).toList();
        audit.write(AuditLog.Action.SEARCH, Applications.AUDIT_TYPE, null, "grant proposals=" + named.size());
        return named;
    }

    /**
     * A worker confirms a proposal: the application (the prepared renewal, or a new one with the partner
     * facts) gets the report and the proposal to grant, and goes to the decision route like any other.
     * Returns the application. A proposal already handled is stale (409).
     */
    public UUID confirm(UUID proposalId) {
        Actor actor = worker();
        GrantProposal p = load(actor, proposalId);
        String report = messages.getMessage("applications.proposals.report." + p.kind(), new Object[] {String.valueOf(p.forYear()),
                String.join("\n", p.facts())}, Locale.forLanguageTag("nl"));
        String text = messages.getMessage("applications.proposals.text", new Object[] {p.monthlyAmount().toPlainString()},
                Locale.forLanguageTag("nl"));
        UUID application = p.applicationId();
        if (p.kind() == GrantProposal.Kind.AUTOMATIC) {
            Map<String, String> facts = new TreeMap<>();
            for (String line : p.facts()) {
                int eq = line.indexOf('=');
                int space = line.lastIndexOf(" (");
                facts.put(line.substring(0, eq), line.substring(eq + 1, space < eq ? line.length() : space));
            }
            application = applications.startFromTrustedFacts(p.personId(), p.rightId(), facts);
            // The worker's confirmation takes the place of the proofs: the facts come from trusted sources.
            for (ApplicationView.Proof proof : applications.get(application).proofs()) {
                if (proof.status() != ProofStatus.ACCEPTED) {
                    applications.acceptProof(application, version(application), proof.id(), null);
                }
            }
        }
        applications.writeReport(application, version(application), report, DecisionOutcome.GRANTED.name(),
                p.monthlyAmount().toPlainString(), text);
        applications.changeStatus(application, version(application), ApplicationStatus.READY_FOR_DECISION.name());
        decided(actor, proposalId, "CONFIRMED", null, application);
        audit.write(AuditLog.Action.UPDATE, Applications.AUDIT_TYPE, application, "grant proposal " + proposalId + " confirmed");
        return application;
    }

    /** A worker rejects a proposal with a reason; a prepared renewal stays with the worker as an ordinary draft. */
    public void reject(UUID proposalId, String reason) {
        Actor actor = worker();
        GrantProposal p = load(actor, proposalId);
        new Validation().required("reason", Texts.trimToNull(reason)).maxLength("reason", reason, 1000).throwIfInvalid();
        decided(actor, proposalId, "REJECTED", reason.strip(), p.applicationId());
        audit.write(AuditLog.Action.UPDATE, Applications.AUDIT_TYPE, p.applicationId(), "grant proposal " + proposalId + " rejected");
    }

    // ---------------------------------------------------------------- the daily job

    void daily() {
        if (enabled) {
            run(LocalDate.now(clock));
        }
    }

    /** Runs the job for the day in every municipality; returns how many proposals were made. */
    int run(LocalDate today) {
        int made = 0;
        for (UUID tenant : jdbc.sql("select id from tenant").query(UUID.class).list()) {
            if (Boolean.TRUE.equals(claimTx.execute(status -> claim(tenant, today)))) {
                made += SystemActor.runAs(tenant, SYSTEM_USER, () -> renewals(tenant, today) + automatic(tenant, today));
            }
        }
        return made;
    }

    /** ON CONFLICT, not a caught duplicate key: on PostgreSQL that would abort the claim's transaction. */
    private boolean claim(UUID tenant, LocalDate today) {
        return jdbc.sql("insert into job_claim (tenant_id, job, run_key, claimed_at, claimed_by) values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(tenant, JOB, today.toString(), OffsetDateTime.now(clock), instance).update() == 1;
    }

    /** (a) From the renewal date to the end of the year: prepare each renewal, propose those that can be. */
    private int renewals(UUID tenant, LocalDate today) {
        if (MonthDay.from(today).isBefore(renewalDate)) {
            return 0;
        }
        record Ending(UUID applicationId, UUID personId, String rightId, LocalDate until) {
        }
        List<Ending> ending = jdbc.sql("""
                        select g.application_id, g.person_id, g.right_id, g.period_until from granted_right g
                        join application a on a.id = g.application_id and a.tenant_id = g.tenant_id
                        where g.tenant_id = ? and g.status = 'ACTIVE' and a.status = 'GRANTED'
                          and g.period_until >= ? and g.period_until <= ?
                          and not exists (select 1 from application r where r.tenant_id = g.tenant_id and r.renewal_of = g.application_id)
                          and not exists (select 1 from application o where o.tenant_id = g.tenant_id and o.person_id = g.person_id
                              and o.right_id = g.right_id and o.status in ('DRAFT', 'WAITING_FOR_PROOFS', 'READY_FOR_DECISION', 'POSTPONED'))
                        order by g.period_until, g.id""")
                .params(tenant, today, LocalDate.of(today.getYear(), 12, 31))
                .query((rs, n) -> new Ending(rs.getObject("application_id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getString("right_id"), rs.getObject("period_until", LocalDate.class)))
                .list();
        int made = 0;
        for (Ending e : ending) {
            Integer n = safely(() -> itemTx.execute(status -> renew(tenant, e.applicationId(), e.personId(), e.rightId(), e.until())));
            made += n == null ? 0 : n;
        }
        return made;
    }

    private int renew(UUID tenant, UUID grantedApplication, UUID person, String rightId, LocalDate until) {
        UUID renewal = applications.prepareRenewal(grantedApplication);
        LocalDate from = until.plusDays(1);
        LocalDate to = LocalDate.of(from.getYear(), 12, 31);
        RightResult r = applications.evaluateOn(renewal, from);
        long invalidProofs = jdbc.sql("""
                select count(*) from application_proof where application_id = ? and tenant_id = ?
                and (status <> 'ACCEPTED' or valid_until is null or valid_until < ?)""")
                .params(renewal, tenant, from).query(Long.class).single();
        if (r.outcome() != Outcome.ELIGIBLE || r.amount() == null || invalidProofs > 0) {
            return 0;
        }
        List<String> facts = jdbc.sql("""
                        select name, value_text, source from application_fact where application_id = ? and tenant_id = ? and superseded_at is null
                        order by name""")
                .params(renewal, tenant).query((rs, n) -> rs.getString("name") + "=" + rs.getString("value_text") + " ("
                        + rs.getString("source") + ")").list();
        return insert(tenant, GrantProposal.Kind.RENEWAL, person, rightId, renewal, grantedApplication, from, to, r, facts);
    }

    /** (b) Rights whose rule allows automatic granting, for citizens partner lists told about, eligible on those facts alone. */
    private int automatic(UUID tenant, LocalDate today) {
        List<Right> rights = eligibility.rights().stream().filter(Right::automaticGranting).toList();
        if (rights.isEmpty()) {
            return 0;
        }
        LocalDate since = today.minusMonths(trustedMonths);
        int made = 0;
        // Sources may know more than the rules ask (e.g. arrears for a contact list): only facts of the schema count.
        java.util.Set<String> schema = applications.factDefinitions().stream().map(FactDefinition::name)
                .collect(java.util.stream.Collectors.toSet());
        for (TrustedFacts source : trustedFacts) {
            for (UUID person : source.personsWithFactsSince(since)) {
                Map<String, String> trusted = new TreeMap<>(source.latestSince(person, since));
                trusted.keySet().retainAll(schema);
                for (Right right : rights) {
                    Integer n = safely(() -> itemTx.execute(status -> propose(tenant, person, right.id(), trusted, today)));
                    made += n == null ? 0 : n;
                }
            }
        }
        return made;
    }

    private int propose(UUID tenant, UUID person, String rightId, Map<String, String> trusted, LocalDate today) {
        long taken = jdbc.sql("""
                select count(*) from application where tenant_id = ? and person_id = ? and right_id = ?
                and (status in ('DRAFT', 'WAITING_FOR_PROOFS', 'READY_FOR_DECISION', 'POSTPONED')
                     or (status = 'GRANTED' and exists (select 1 from granted_right g where g.application_id = application.id
                         and g.status = 'ACTIVE' and g.period_until >= ?)))""")
                .params(tenant, person, rightId, today).query(Long.class).single();
        if (taken > 0) {
            return 0;
        }
        RightResult r = applications.evaluateFacts(trusted, rightId, today);
        if (r.outcome() != Outcome.ELIGIBLE || r.amount() == null) {
            return 0;
        }
        List<String> facts = trusted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + " (" + FactSource.PARTNER_DATA + ")")
                .toList();
        return insert(tenant, GrantProposal.Kind.AUTOMATIC, person, rightId, null, null, today.withDayOfMonth(1),
                LocalDate.of(today.getYear(), 12, 31), r, facts);
    }

    private int insert(UUID tenant, GrantProposal.Kind kind, UUID person, String rightId, UUID application, UUID renewalOf,
            LocalDate from, LocalDate to, RightResult r, List<String> facts) {
        String text = String.join("\n", facts);
        int rows = jdbc.sql("""
                insert into grant_proposal (id, tenant_id, kind, person_id, right_id, application_id, renewal_of, for_year, period_from,
                  period_until, evaluation_outcome, monthly_amount, rule_version, facts, status, proposed_at)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ? where not exists
                  (select 1 from grant_proposal where tenant_id = ? and kind = ? and person_id = ? and right_id = ? and for_year = ?)""")
                .params(UUID.randomUUID(), tenant, kind.name(), person, rightId, application, renewalOf, from.getYear(), from, to,
                        r.outcome().name(), r.amount().value().setScale(2, java.math.RoundingMode.HALF_UP), r.ruleVersion(),
                        text.length() > 4000 ? text.substring(0, 4000) : text, OffsetDateTime.now(clock), tenant, kind.name(), person,
                        rightId, from.getYear())
                .update();
        if (rows == 1) {
            audit.write(AuditLog.Action.CREATE, Applications.AUDIT_TYPE, application, "grant proposal " + kind + " " + rightId
                    + " person=" + person);
        }
        return rows;
    }

    /** One citizen's failure (stale data, a changed rule) must not stop the others; the next run tries again. */
    private static Integer safely(java.util.function.Supplier<Integer> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            LOG.warn("Grant proposal skipped: {}", e.toString());
            return 0;
        }
    }

    // ---------------------------------------------------------------- helpers

    private GrantProposal load(Actor actor, UUID id) {
        GrantProposal p = jdbc.sql("select * from grant_proposal where id = ? and tenant_id = ?").params(id, actor.tenantId())
                .query(this::proposal).optional().orElseThrow(() -> new NotFoundException("Proposal"));
        if (p.status() != GrantProposal.Status.PROPOSED) {
            throw new StaleVersionException("Proposal");
        }
        return p;
    }

    private void decided(Actor actor, UUID id, String status, String reason, UUID application) {
        int rows = jdbc.sql("""
                update grant_proposal set status = ?, reason = ?, decided_at = ?, decided_by = ?, application_id = ?
                where id = ? and tenant_id = ? and status = 'PROPOSED'""")
                .params(status, reason, OffsetDateTime.now(clock), actor.username(), application, id, actor.tenantId()).update();
        if (rows == 0) {
            throw new StaleVersionException("Proposal");
        }
    }

    private long version(UUID application) {
        return jdbc.sql("select version from application where id = ?").param(application).query(Long.class).single();
    }

    private String rightName(String rightId, Locale locale) {
        try {
            return eligibility.right(rightId).name().in(locale);
        } catch (NotFoundException e) {
            return rightId;
        }
    }

    private static Actor worker() {
        Actor actor = CurrentActor.get();
        if (!Applications.isWorker(actor)) {
            throw new NotFoundException("Proposal");
        }
        return actor;
    }

    private GrantProposal proposal(ResultSet rs, int n) throws SQLException {
        List<String> facts = new ArrayList<>(List.of(rs.getString("facts").split("\n")));
        facts.removeIf(String::isBlank);
        BigDecimal amount = rs.getBigDecimal("monthly_amount");
        return new GrantProposal(rs.getObject("id", UUID.class), GrantProposal.Kind.valueOf(rs.getString("kind")),
                rs.getObject("person_id", UUID.class), null, rs.getString("right_id"), null, rs.getInt("for_year"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_until", LocalDate.class),
                amount == null ? null : amount.setScale(2), rs.getString("evaluation_outcome"), List.copyOf(facts),
                rs.getObject("application_id", UUID.class), GrantProposal.Status.valueOf(rs.getString("status")),
                rs.getObject("proposed_at", OffsetDateTime.class));
    }
}

package be.loket.applications;

import be.loket.audit.AuditLog;
import be.loket.documents.DocumentInfo;
import be.loket.documents.Documents;
import be.loket.documents.Download;
import be.loket.documents.Owner;
import be.loket.dossier.DossierStatus;
import be.loket.dossier.DossierSummary;
import be.loket.dossier.Dossiers;
import be.loket.dossier.NewStep;
import be.loket.eligibility.Eligibility;
import be.loket.eligibility.FactDefinition;
import be.loket.eligibility.LocalizedText;
import be.loket.eligibility.Right;
import be.loket.eligibility.RightResult;
import be.loket.person.Households;
import be.loket.person.People;
import be.loket.platform.Actor;
import be.loket.platform.Choices;
import be.loket.platform.Chunks;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import be.loket.platform.StaleVersionException;
import be.loket.platform.SystemActor;
import be.loket.platform.Texts;
import be.loket.platform.Validation;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applying for a right. Case workers (social workers, specialists, team leads) start and prepare
 * applications; committee members read them; only team leads and committee members record decisions,
 * and only through the committee module, which checks the decision route. For everyone else an
 * application does not exist (404). Every read and write is audited; every change takes the version
 * the user saw (optimistic locking) and leaves a history row.
 */
@Service
@Transactional
public class Applications {
    static final String AUDIT_TYPE = "APPLICATION";
    private static final Set<Role> WORKERS = EnumSet.of(Role.SOCIAL_WORKER, Role.SPECIALIST, Role.TEAM_LEAD);
    private static final Set<Role> DECIDERS = EnumSet.of(Role.TEAM_LEAD, Role.COMMITTEE);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final People people;
    private final Households households;
    private final Dossiers dossiers;
    private final Documents documents;
    private final Eligibility eligibility;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final int proofValidityMonths;
    private final int proofsDeadlineDays;
    private final ProofRequests proofRequests;

    Applications(JdbcClient jdbc, AuditLog audit, People people, Households households, Dossiers dossiers, Documents documents,
            Eligibility eligibility, ApplicationEventPublisher events, MessageSource messages, Clock clock, ProofRequests proofRequests,
            @Value("${loket.applications.proof-validity-months:6}") int proofValidityMonths,
            @Value("${loket.applications.proofs-deadline-days:14}") int proofsDeadlineDays) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.people = people;
        this.households = households;
        this.dossiers = dossiers;
        this.documents = documents;
        this.eligibility = eligibility;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.proofValidityMonths = proofValidityMonths;
        this.proofsDeadlineDays = proofsDeadlineDays;
        this.proofRequests = proofRequests;
    }

    record Row(UUID id, UUID personId, UUID dossierId, String rightId, ApplicationStatus status, LocalDate appliedOn,
            String report, DecisionOutcome proposalOutcome, BigDecimal proposalAmount, String proposalText, long version,
            UUID renewalOf) {
    }

    public static boolean isWorker(Actor actor) {
        return actor.roles().stream().anyMatch(WORKERS::contains);
    }

    public static boolean mayDecide(Actor actor) {
        return actor.roles().stream().anyMatch(DECIDERS::contains);
    }

    // ---------------------------------------------------------------- starting

    /**
     * Starts an application: the checklist comes from the right's proofs; a proof of the same citizen
     * accepted earlier and still valid is taken over as accepted instead of being asked again.
     */
    public UUID start(StartApplication command) {
        return create(command, FactSource.RIGHTS_CHECK, null);
    }

    /**
     * Prepares next year's application from a granted one (seed 004: renewal every January): the facts
     * are copied with source RENEWAL for the worker to confirm, and proofs still valid are taken over, so
     * the citizen is asked only for what expired. Prepared from the renewal date on, it runs from January.
     */
    public UUID prepareRenewal(UUID grantedId) {
        Actor actor = worker();
        Row row = load(actor, grantedId);
        if (row.status() != ApplicationStatus.GRANTED) {
            new Validation().add("renewal", "applications.renewal.notGranted").throwIfInvalid();
        }
        Map<String, String> facts = new TreeMap<>();
        jdbc.sql("select name, value_text from application_fact where application_id = ? and tenant_id = ? and superseded_at is null")
                .params(grantedId, actor.tenantId()).query(rs -> {
                    if (rs.getString("value_text") != null) {
                        facts.put(rs.getString("name"), rs.getString("value_text"));
                    }
                });
        UUID id = create(new StartApplication(row.personId(), row.rightId(), facts), FactSource.RENEWAL, grantedId);
        history(actor, grantedId, "RENEWAL", id.toString());
        return id;
    }

    private UUID create(StartApplication command, FactSource factSource, UUID renewalOf) {
        Actor actor = worker();
        if (command.personId() == null || people.names(List.of(command.personId())).isEmpty()) {
            throw new NotFoundException("Person");
        }
        var v = new Validation().required("rightId", Texts.trimToNull(command.rightId()));
        Right right = null;
        if (Texts.trimToNull(command.rightId()) != null) {
            right = eligibility.rights().stream().filter(r -> r.id().equals(command.rightId().strip())).findFirst().orElse(null);
            if (right == null) {
                v.add("rightId", "applications.right.unknown", command.rightId());
            }
        }
        Map<String, Object> initialFacts = new TreeMap<>();
        if (command.facts() != null) {
            command.facts().forEach((name, value) -> {
                if (Texts.trimToNull(value) != null) {
                    initialFacts.put(name, parseFact(v, name, value));
                }
            });
        }
        if (right != null) {
            Long open = jdbc.sql("""
                    select count(*) from application where tenant_id = ? and person_id = ? and right_id = ?
                    and status in ('DRAFT', 'WAITING_FOR_PROOFS', 'READY_FOR_DECISION', 'POSTPONED')""")
                    .params(actor.tenantId(), command.personId(), right.id()).query(Long.class).single();
            if (open > 0) {
                v.add("rightId", "applications.right.alreadyOpen");
            }
        }
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        LocalDate today = LocalDate.now(clock);
        UUID household = households.currentOf(command.personId()).map(Households.Household::id).orElse(null);
        UUID dossier = openDossier(command.personId());
        jdbc.sql("""
                insert into application (id, tenant_id, person_id, household_id, dossier_id, right_id, status, applied_on,
                    created_at, created_by, updated_at, updated_by, version, renewal_of)
                values (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, 0, ?)""")
                .params(id, actor.tenantId(), command.personId(), household, dossier, right.id(), today, now, actor.username(), now,
                        actor.username(), renewalOf).update();
        int position = 0;
        int reused = 0;
        for (LocalizedText proof : right.proofs()) {
            String key = Texts.fold(proof.nl());
            var earlier = jdbc.sql("""
                    select id, document_id, valid_until from application_proof
                    where tenant_id = ? and person_id = ? and proof_key = ? and status = 'ACCEPTED' and valid_until >= ?
                    order by valid_until desc limit 1""")
                    .params(actor.tenantId(), command.personId(), key, today)
                    .query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getObject("document_id", UUID.class),
                            rs.getObject("valid_until", LocalDate.class)})
                    .optional();
            jdbc.sql("""
                    insert into application_proof (id, tenant_id, application_id, person_id, position, proof_key, label_nl, label_fr,
                        label_en, status, document_id, reused_from, valid_until, changed_at, changed_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), actor.tenantId(), id, command.personId(), position++, key, proof.nl(), proof.fr(),
                            proof.en(), earlier.isPresent() ? "ACCEPTED" : "REQUESTED", earlier.map(e -> e[1]).orElse(null),
                            earlier.map(e -> e[0]).orElse(null), earlier.map(e -> e[2]).orElse(null), now, actor.username())
                    .update();
            reused += earlier.isPresent() ? 1 : 0;
        }
        initialFacts.forEach((name, value) -> insertFact(actor, id, name, value, factSource));
        history(actor, id, "STARTED", right.id() + " proofs=" + right.proofs().size() + " reused=" + reused);
        if (dossier != null) {
            dossierStep(actor, dossier, "DOCUMENT", "applications.step.started", right.name().nl(), reused);
        }
        audit.write(AuditLog.Action.CREATE, AUDIT_TYPE, id, "person=" + command.personId() + " right=" + right.id());
        return id;
    }

    // ---------------------------------------------------------------- reading

    public ApplicationView get(UUID id) {
        Actor actor = reader();
        Row row = load(actor, id);
        Locale locale = LocaleContextHolder.getLocale();
        List<ApplicationView.Proof> proofs = jdbc.sql("select * from application_proof where application_id = ? and tenant_id = ? order by position")
                .params(id, actor.tenantId())
                .query((rs, n) -> new ApplicationView.Proof(rs.getObject("id", UUID.class), rs.getInt("position"),
                        new LocalizedText(rs.getString("label_nl"), rs.getString("label_fr"), rs.getString("label_en")).in(locale),
                        ProofStatus.valueOf(rs.getString("status")), rs.getObject("document_id", UUID.class),
                        rs.getObject("reused_from", UUID.class) != null, rs.getString("refusal_reason"),
                        rs.getObject("valid_until", LocalDate.class), rs.getObject("changed_at", OffsetDateTime.class),
                        rs.getString("changed_by")))
                .list();
        List<ApplicationView.Fact> facts = jdbc.sql("""
                        select * from application_fact where application_id = ? and tenant_id = ? and superseded_at is null order by name""")
                .params(id, actor.tenantId())
                .query((rs, n) -> new ApplicationView.Fact(rs.getString("name"), rs.getString("value_text"),
                        FactSource.valueOf(rs.getString("source")), rs.getObject("recorded_at", OffsetDateTime.class),
                        rs.getString("recorded_by")))
                .list();
        List<ApplicationView.Decision> decisions = jdbc.sql(
                        "select * from application_decision where application_id = ? and tenant_id = ? order by seq desc")
                .params(id, actor.tenantId()).query(Applications::decision).list();
        ApplicationView.Grant grant = jdbc.sql("""
                        select * from granted_right where application_id = ? and tenant_id = ? and status = 'ACTIVE'""")
                .params(id, actor.tenantId())
                .query((rs, n) -> new ApplicationView.Grant(rs.getObject("id", UUID.class), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_until", LocalDate.class), rs.getBigDecimal("monthly_amount"), lines(rs.getString("duties"))))
                .optional().orElse(null);
        List<ApplicationView.Change> changes = jdbc.sql(
                        "select * from application_history where application_id = ? and tenant_id = ? order by changed_at desc, id")
                .params(id, actor.tenantId())
                .query((rs, n) -> new ApplicationView.Change(rs.getString("what"), rs.getString("detail"),
                        rs.getObject("changed_at", OffsetDateTime.class), rs.getString("changed_by")))
                .list();
        audit.write(AuditLog.Action.READ, AUDIT_TYPE, id, null);
        return new ApplicationView(row.id(), row.personId(), people.names(List.of(row.personId())).get(row.personId()), row.rightId(),
                rightName(row.rightId(), locale), row.status(), row.appliedOn(), row.dossierId(), row.report(), row.proposalOutcome(),
                row.proposalAmount(), row.proposalText(), row.version(), proofs, facts, decisions, grant, changes,
                proofRequests.overdueSince(actor.tenantId(), id));
    }

    /** A citizen's applications, newest first. */
    @Transactional
    public List<ApplicationSummary> ofPerson(UUID personId) {
        Actor actor = CurrentActor.get();
        if (!isWorker(actor) && !actor.has(Role.COMMITTEE)) {
            return List.of();
        }
        List<ApplicationSummary> list = summaries(actor, "a.tenant_id = ? and a.person_id = ? order by a.applied_on desc, a.created_at desc",
                actor.tenantId(), personId);
        audit.write(AuditLog.Action.SEARCH, AUDIT_TYPE, null, "of person=" + personId + " results=" + list.size());
        return list;
    }

    /** Applications of the municipality in one status (e.g. ready for decision), oldest first. */
    public List<ApplicationSummary> withStatus(ApplicationStatus status) {
        Actor actor = reader();
        List<ApplicationSummary> list = summaries(actor, "a.tenant_id = ? and a.status = ? order by a.applied_on, a.created_at",
                actor.tenantId(), status.name());
        audit.write(AuditLog.Action.SEARCH, AUDIT_TYPE, null, "status=" + status + " results=" + list.size());
        return list;
    }

    /**
     * Evaluates the facts recorded for the application now, with the rules in force today: what the
     * decider sees beside the worker's proposal.
     */
    public RightResult evaluate(UUID id) {
        Actor actor = reader();
        Row row = load(actor, id);
        RightResult result = evaluate(actor, row);
        audit.write(AuditLog.Action.READ, AUDIT_TYPE, id, "evaluation " + result.outcome());
        return result;
    }

    /** The rights the acting user may start an application for. */
    @Transactional(readOnly = true)
    public List<Right> rights() {
        return eligibility.rights().stream().filter(r -> !r.proofs().isEmpty() || r.kind() == Right.Kind.RIGHT).toList();
    }

    /**
     * Of the given citizens, those of the acting user's municipality with an active grant of the right
     * covering the day (outreach leaves them off its worklists). Read-only; only workers get an answer.
     */
    @Transactional(readOnly = true)
    public Set<UUID> withActiveGrant(String rightId, java.util.Collection<UUID> personIds, LocalDate on) {
        Actor actor = CurrentActor.get();
        Set<UUID> holders = new java.util.HashSet<>();
        if (!isWorker(actor) || personIds.isEmpty()) {
            return holders;
        }
        for (List<UUID> chunk : Chunks.of(personIds, 500)) {
            holders.addAll(jdbc.sql("""
                            select distinct person_id from granted_right where tenant_id = :tenant and right_id = :right
                            and status = 'ACTIVE' and period_from <= :on and period_until >= :on and person_id in (:ids)""")
                    .param("tenant", actor.tenantId()).param("right", rightId).param("on", on)
                    .param("ids", chunk).query(UUID.class).list());
        }
        return holders;
    }

    public List<FactDefinition> factDefinitions() {
        return eligibility.facts();
    }

    // ---------------------------------------------------------------- preparing

    public void changeStatus(UUID id, long version, String status) {
        Actor actor = worker();
        Row row = load(actor, id);
        var v = new Validation();
        ApplicationStatus next = Choices.of(v, "status", ApplicationStatus.class, status);
        if (next != null && !row.status().next().contains(next)) {
            v.add("status", "applications.status.notAllowed");
        }
        if (next == ApplicationStatus.READY_FOR_DECISION) {
            if (Texts.trimToNull(row.report()) == null) {
                v.add("status", "applications.ready.reportMissing");
            }
            if (row.proposalOutcome() == null) {
                v.add("status", "applications.ready.proposalMissing");
            }
            long open = jdbc.sql("""
                    select count(*) from application_proof where application_id = ? and tenant_id = ? and status in ('REQUESTED', 'RECEIVED')""")
                    .params(id, actor.tenantId()).query(Long.class).single();
            if (open > 0) {
                v.add("status", "applications.ready.proofsOpen", open);
            }
        }
        v.throwIfInvalid();
        bump(actor, id, version, "status = '" + next.name() + "'");
        history(actor, id, "STATUS", row.status() + " -> " + next);
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "status " + next);
        if (next == ApplicationStatus.WAITING_FOR_PROOFS) {
            askForMissingProofs(actor, row, version + 1);
        }
    }

    /**
     * Asks the citizen again for the proofs still missing (after they sent some, or when the deadline
     * passed): a new letter with only what is still requested or refused. Only while waiting for proofs.
     */
    public void requestProofs(UUID id, long version) {
        Actor actor = worker();
        Row row = load(actor, id);
        var v = new Validation();
        if (row.status() != ApplicationStatus.WAITING_FOR_PROOFS) {
            v.add("proofs", "applications.proofs.request.notWaiting");
        } else if (proofRequests.missing(actor.tenantId(), id).isEmpty()) {
            v.add("proofs", "applications.proofs.request.noneMissing");
        }
        v.throwIfInvalid();
        bump(actor, id, version, null);
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "proofs requested again");
        askForMissingProofs(actor, row, version + 1);
    }

    /** Publishes the request (the letter follows after the commit, ADR 0511); nothing missing asks nothing. */
    private void askForMissingProofs(Actor actor, Row row, long newVersion) {
        List<LocalizedText> missing = proofRequests.missing(actor.tenantId(), row.id());
        if (missing.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate deadline = today.plusDays(proofsDeadlineDays);
        proofRequests.record(actor.tenantId(), row.id(), newVersion, today, deadline);
        history(actor, row.id(), "PROOFS_REQUESTED", missing.size() + " until " + deadline);
        events.publishEvent(new ProofsRequested(actor.tenantId(), row.id(), newVersion, row.personId(), row.rightId(), missing, deadline));
    }

    /** A proof handed in (at the desk or by upload); {@code documentId} is the stored file, if any. */
    public void receiveProof(UUID id, long version, UUID proofId, UUID documentId) {
        proofChange(id, version, proofId, ProofStatus.RECEIVED, documentId, null, null);
    }

    /**
     * A proof uploaded at the desk: the documents module checks the file by content and size (a refused
     * file leaves nothing behind), stores it for this application, and the proof becomes RECEIVED.
     */
    public UUID uploadProof(UUID id, long version, UUID proofId, String fileName, byte[] content) {
        Actor actor = worker();
        load(actor, id);
        DocumentInfo stored = documents.attach(new Owner(AUDIT_TYPE, id), fileName, content == null ? new byte[0] : content);
        proofChange(id, version, proofId, ProofStatus.RECEIVED, stored.id(), null, null);
        return stored.id();
    }

    /**
     * The file of one of this application's proofs (possibly taken over from an earlier application of the
     * same citizen), for whoever may read the application; the documents module audits the read.
     */
    public Download proofDocument(UUID id, UUID documentId) {
        Actor actor = reader();
        load(actor, id);
        long referenced = jdbc.sql("select count(*) from application_proof where application_id = ? and tenant_id = ? and document_id = ?")
                .params(id, actor.tenantId(), documentId).query(Long.class).single();
        if (referenced == 0) {
            throw new NotFoundException("Document");
        }
        return documents.open(documentId, owner -> AUDIT_TYPE.equals(owner.type()));
    }

    /** Accepts a proof, valid until the given date (empty: the configured number of months from today). */
    public void acceptProof(UUID id, long version, UUID proofId, String validUntil) {
        proofChange(id, version, proofId, ProofStatus.ACCEPTED, null, null, validUntil == null ? "" : validUntil);
    }

    public void refuseProof(UUID id, long version, UUID proofId, String reason) {
        proofChange(id, version, proofId, ProofStatus.REFUSED, null, reason == null ? "" : reason, null);
    }

    private void proofChange(UUID id, long version, UUID proofId, ProofStatus next, UUID documentId, String reason,
            String validUntil) {
        Actor actor = worker();
        Row row = load(actor, id);
        ProofStatus current = jdbc.sql("select status from application_proof where id = ? and application_id = ? and tenant_id = ?")
                .params(proofId, id, actor.tenantId()).query(String.class).optional().map(ProofStatus::valueOf)
                .orElseThrow(() -> new NotFoundException("Proof"));
        var v = new Validation();
        if (row.status().decided() && row.status() != ApplicationStatus.POSTPONED) {
            v.add("proof", "applications.proof.decided");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate until = null;
        if (next == ProofStatus.REFUSED) {
            v.required("reason", Texts.trimToNull(reason)).maxLength("reason", reason, 1000);
        }
        if (next == ProofStatus.ACCEPTED) {
            until = today.plusMonths(proofValidityMonths);
            if (Texts.trimToNull(validUntil) != null) {
                until = date(v, "validUntil", validUntil);
                if (until != null && until.isBefore(today)) {
                    v.add("validUntil", "applications.proof.expired");
                }
            }
        }
        v.throwIfInvalid();
        bump(actor, id, version, null);
        jdbc.sql("""
                update application_proof set status = ?, document_id = coalesce(?, document_id), refusal_reason = ?, valid_until = ?,
                  changed_at = ?, changed_by = ? where id = ? and tenant_id = ?""")
                .params(next.name(), documentId, next == ProofStatus.REFUSED ? reason.strip() : null, until, now(), actor.username(),
                        proofId, actor.tenantId()).update();
        history(actor, id, "PROOF_" + next, proofId + (next == ProofStatus.REFUSED ? ": " + reason.strip() : "")
                + (current != next ? "" : " (again)"));
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "proof " + proofId + " " + next);
    }

    /** Records a fact (value as text, read by the fact's declared type); an earlier value of that fact stays in the history. */
    public void recordFact(UUID id, long version, String name, String value, String source) {
        Actor actor = worker();
        load(actor, id);
        var v = new Validation();
        FactSource src = Choices.of(v, "source", FactSource.class, source);
        Object parsed = null;
        if (Texts.trimToNull(name) == null) {
            v.required("name", null);
        } else if (Texts.trimToNull(value) != null) {
            parsed = parseFact(v, name.strip(), value);
        }
        v.throwIfInvalid();
        bump(actor, id, version, null);
        insertFact(actor, id, name.strip(), parsed, src);
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "fact " + name.strip());
    }

    /** The social report and the proposal; the previous text stays in the history. */
    public void writeReport(UUID id, long version, String report, String proposalOutcome, String proposalAmount, String proposalText) {
        Actor actor = worker();
        Row row = load(actor, id);
        var v = new Validation().maxLength("report", report, 8000).maxLength("proposalText", proposalText, 4000);
        DecisionOutcome outcome = Texts.trimToNull(proposalOutcome) == null ? null
                : Choices.of(v, "proposalOutcome", DecisionOutcome.class, proposalOutcome);
        BigDecimal amount = Texts.trimToNull(proposalAmount) == null ? null : money(v, "proposalAmount", proposalAmount);
        if (outcome == DecisionOutcome.GRANTED && amount == null) {
            v.add("proposalAmount", "applications.proposal.amountRequired");
        }
        if (row.status().decided() && row.status() != ApplicationStatus.POSTPONED) {
            v.add("report", "applications.report.decided");
        }
        v.throwIfInvalid();
        bump(actor, id, version, null);
        jdbc.sql("update application set report = ?, proposal_outcome = ?, proposal_amount = ?, proposal_text = ? where id = ? and tenant_id = ?")
                .params(Texts.trimToNull(report), outcome == null ? null : outcome.name(), amount, Texts.trimToNull(proposalText), id,
                        actor.tenantId()).update();
        history(actor, id, "REPORT", (outcome == null ? "" : outcome + (amount == null ? "" : " " + amount) + ": ")
                + (Texts.trimToNull(proposalText) == null ? "" : proposalText.strip()) + "\n" + (report == null ? "" : report.strip()));
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "report and proposal");
    }

    /**
     * Records the monthly proof of a running grant (the rent allowance: proof of rent payment) for a month
     * of its period; once recorded, no reminder goes out for that month.
     */
    public void recordMonthlyProof(UUID id, long version, String month, UUID documentId) {
        Actor actor = worker();
        load(actor, id);
        var v = new Validation().required("month", Texts.trimToNull(month));
        var grant = jdbc.sql("select id, period_from, period_until from granted_right where application_id = ? and tenant_id = ? and status = 'ACTIVE'")
                .params(id, actor.tenantId())
                .query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_until", LocalDate.class)})
                .optional();
        YearMonth m = null;
        if (grant.isEmpty()) {
            v.add("month", "applications.monthlyProof.noGrant");
        } else if (Texts.trimToNull(month) != null) {
            try {
                m = YearMonth.parse(month.strip());
                if (m.atEndOfMonth().isBefore((LocalDate) grant.get()[1]) || m.atDay(1).isAfter((LocalDate) grant.get()[2])) {
                    v.add("month", "applications.monthlyProof.outsidePeriod");
                } else if (jdbc.sql("select count(*) from grant_month_proof where grant_id = ? and proof_month = ?")
                        .params(grant.get()[0], m.atDay(1)).query(Long.class).single() > 0) {
                    v.add("month", "applications.monthlyProof.already");
                }
            } catch (java.time.format.DateTimeParseException e) {
                v.add("month", "applications.monthlyProof.month");
            }
        }
        v.throwIfInvalid();
        bump(actor, id, version, null);
        jdbc.sql("""
                insert into grant_month_proof (id, tenant_id, grant_id, proof_month, document_id, received_at, received_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), actor.tenantId(), grant.get()[0], m.atDay(1), documentId, now(), actor.username()).update();
        history(actor, id, "MONTHLY_PROOF", m.toString());
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "monthly proof " + m);
    }

    /** The months of the running grant for which the monthly proof arrived, and the reminders sent. */
    public GrantFollowUp followUp(UUID id) {
        Actor actor = reader();
        load(actor, id);
        List<String> months = jdbc.sql("""
                        select p.proof_month from grant_month_proof p join granted_right g on g.id = p.grant_id
                        where g.application_id = ? and g.tenant_id = ? and g.status = 'ACTIVE' order by p.proof_month""")
                .params(id, actor.tenantId()).query((rs, n) -> YearMonth.from(rs.getObject("proof_month", LocalDate.class)).toString()).list();
        List<GrantFollowUp.Reminder> reminders = jdbc.sql("""
                        select r.kind, r.for_period, r.channel, r.sent_at from grant_reminder r join granted_right g on g.id = r.grant_id
                        where g.application_id = ? and g.tenant_id = ? order by r.sent_at""")
                .params(id, actor.tenantId())
                .query((rs, n) -> new GrantFollowUp.Reminder(ReminderDue.Kind.valueOf(rs.getString("kind")), rs.getString("for_period"),
                        rs.getString("channel"), rs.getObject("sent_at", OffsetDateTime.class)))
                .list();
        audit.write(AuditLog.Action.READ, AUDIT_TYPE, id, "grant follow-up");
        return new GrantFollowUp(months, reminders);
    }

    // ---------------------------------------------------------------- deciding

    /**
     * Records a decision as a new version beside today's evaluation. Called by the committee module after
     * it checked the decision route. A grant needs every proof accepted; an earlier grant of the
     * application ends (SUPERSEDED) and the new one starts.
     */
    public UUID decide(UUID id, long version, Decide command) {
        Actor actor = CurrentActor.get();
        if (!mayDecide(actor)) {
            throw new NotFoundException("Application");
        }
        Row row = load(actor, id);
        var v = new Validation();
        DecisionOutcome outcome = Choices.of(v, "outcome", DecisionOutcome.class, command.outcome());
        if (row.status() != ApplicationStatus.READY_FOR_DECISION && !row.status().decided()) {
            v.add("outcome", "applications.decision.notReady");
        }
        BigDecimal amount = null;
        LocalDate from = null;
        LocalDate until = null;
        if (outcome == DecisionOutcome.GRANTED) {
            Map<String, Long> proofs = new TreeMap<>();
            jdbc.sql("select status, count(*) as n from application_proof where application_id = ? and tenant_id = ? group by status")
                    .params(id, actor.tenantId()).query(rs -> {
                        proofs.put(rs.getString("status"), rs.getLong("n"));
                    });
            if (proofs.getOrDefault("REFUSED", 0L) > 0) {
                v.add("outcome", "applications.decision.refusedProofs", proofs.get("REFUSED"));
            } else if (proofs.getOrDefault("REQUESTED", 0L) + proofs.getOrDefault("RECEIVED", 0L) > 0) {
                v.add("outcome", "applications.decision.proofsOpen");
            }
            v.required("monthlyAmount", Texts.trimToNull(command.monthlyAmount()));
            amount = Texts.trimToNull(command.monthlyAmount()) == null ? null : money(v, "monthlyAmount", command.monthlyAmount());
            v.required("periodFrom", Texts.trimToNull(command.periodFrom())).required("periodUntil", Texts.trimToNull(command.periodUntil()));
            from = Texts.trimToNull(command.periodFrom()) == null ? null : date(v, "periodFrom", command.periodFrom());
            until = Texts.trimToNull(command.periodUntil()) == null ? null : date(v, "periodUntil", command.periodUntil());
            if (from != null && until != null && until.isBefore(from)) {
                v.add("periodUntil", "applications.decision.periodOrder");
            }
        } else if (outcome == DecisionOutcome.REFUSED) {
            v.required("reasons", Texts.trimToNull(command.reasons()));
        } else if (outcome == DecisionOutcome.POSTPONED) {
            v.required("missing", Texts.trimToNull(command.missing()));
        }
        v.maxLength("reasons", command.reasons(), 4000).maxLength("missing", command.missing(), 4000);
        String route = Texts.trimToNull(command.route()) == null ? "DELEGATED" : command.route().strip();
        v.throwIfInvalid();
        RightResult evaluation = evaluate(actor, row);
        bump(actor, id, version, "status = '" + outcome.name() + "'");
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from application_decision where application_id = ? and tenant_id = ?")
                .params(id, actor.tenantId()).query(Integer.class).single();
        UUID decisionId = UUID.randomUUID();
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into application_decision (id, tenant_id, application_id, seq, outcome, monthly_amount, period_from, period_until,
                  reasons, missing, route, session_id, evaluation_outcome, evaluation_amount, rule_version, decided_at, decided_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decisionId, actor.tenantId(), id, seq, outcome.name(), amount, from, until,
                        outcome == DecisionOutcome.REFUSED ? command.reasons().strip() : null,
                        outcome == DecisionOutcome.POSTPONED ? command.missing().strip() : null, route, command.sessionId(),
                        evaluation.outcome().name(), evaluation.amount() == null ? null : evaluation.amount().value(),
                        evaluation.ruleVersion(), now, actor.username())
                .update();
        jdbc.sql("update granted_right set status = 'SUPERSEDED' where application_id = ? and tenant_id = ? and status = 'ACTIVE'")
                .params(id, actor.tenantId()).update();
        if (outcome == DecisionOutcome.GRANTED) {
            Right right = eligibility.right(row.rightId());
            String duties = String.join("\n", right.duties().stream().map(LocalizedText::nl).toList());
            jdbc.sql("""
                    insert into granted_right (id, tenant_id, application_id, decision_id, person_id, right_id, period_from, period_until,
                      monthly_amount, duties, status, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""")
                    .params(UUID.randomUUID(), actor.tenantId(), id, decisionId, row.personId(), row.rightId(), from, until, amount,
                            duties.isEmpty() ? null : duties, now)
                    .update();
        }
        history(actor, id, "DECISION", seq + " " + outcome + " " + route);
        if (row.dossierId() != null) {
            dossierStep(actor, row.dossierId(), "DECISION", "applications.step.decided." + outcome.name(),
                    rightName(row.rightId(), Locale.forLanguageTag("nl")), amount == null ? "" : String.format(Locale.forLanguageTag("nl-BE"), "%.2f", amount));
        }
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "decision " + seq + " " + outcome);
        events.publishEvent(new ApplicationDecided(actor.tenantId(), id, decisionId, seq, row.personId(), row.rightId(), outcome,
                amount, from, until));
        return decisionId;
    }

    /** The right an application is for, without a full (audited) read: for routing in the committee module. */
    @Transactional(readOnly = true)
    public String rightOf(UUID id) {
        return load(reader(), id).rightId();
    }

    /** The decision that follows from an application's latest proposal, to fill in the decider's form. */
    public Decide proposedDecision(UUID id) {
        Actor actor = reader();
        Row row = load(actor, id);
        audit.write(AuditLog.Action.READ, AUDIT_TYPE, id, "proposal");
        LocalDate from = row.appliedOn().withDayOfMonth(1);
        if (row.renewalOf() != null) {
            // A renewal follows on the grant it renews (1 January, seed 004), or starts in its own month when it comes late.
            LocalDate previousEnd = jdbc.sql("""
                            select max(period_until) from granted_right where application_id = ? and tenant_id = ? and status = 'ACTIVE'""")
                    .params(row.renewalOf(), actor.tenantId()).query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            if (previousEnd != null && previousEnd.plusDays(1).isAfter(from)) {
                from = previousEnd.plusDays(1);
            }
        }
        // The rent allowance runs from the month of application to December; other rights are set by the decider.
        LocalDate until = from.withMonth(12).withDayOfMonth(31);
        return new Decide(row.proposalOutcome() == null ? null : row.proposalOutcome().name(),
                row.proposalAmount() == null ? null : row.proposalAmount().toPlainString(), from.toString(), until.toString(),
                null, null, null, null);
    }

    // ---------------------------------------------------------------- helpers

    private RightResult evaluate(Actor actor, Row row) {
        return evaluate(actor, row, LocalDate.now(clock));
    }

    /** The application's facts evaluated with the rules in force on {@code date} (a renewal: on 1 January). */
    RightResult evaluateOn(UUID id, LocalDate date) {
        Actor actor = reader();
        return evaluate(actor, load(actor, id), date);
    }

    /**
     * Facts from trusted sources (as text, by fact name) evaluated for one right on a date; facts the schema
     * does not know or cannot read are left out, so they count as unknown.
     */
    RightResult evaluateFacts(Map<String, String> facts, String rightId, LocalDate date) {
        Map<String, FactDefinition> defs = definitions();
        Map<String, Object> typed = new LinkedHashMap<>();
        facts.forEach((name, text) -> {
            FactDefinition d = defs.get(name);
            if (d != null && text != null) {
                try {
                    Object value = typed(d, text.strip());
                    if (value != null) {
                        typed.put(name, value);
                    }
                } catch (NumberFormatException e) {
                    // unreadable: stays unknown
                }
            }
        });
        return eligibility.evaluate(date, typed, List.of(rightId), Locale.forLanguageTag("nl")).get(0);
    }

    /** Starts an application whose facts all come from partner data (automatic granting, confirmed by a worker). */
    UUID startFromTrustedFacts(UUID personId, String rightId, Map<String, String> facts) {
        return create(new StartApplication(personId, rightId, facts), FactSource.PARTNER_DATA, null);
    }

    private RightResult evaluate(Actor actor, Row row, LocalDate date) {
        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, FactDefinition> defs = definitions();
        jdbc.sql("select name, value_text from application_fact where application_id = ? and tenant_id = ? and superseded_at is null")
                .params(row.id(), actor.tenantId()).query(rs -> {
                    FactDefinition d = defs.get(rs.getString("name"));
                    if (d != null && rs.getString("value_text") != null) {
                        facts.put(d.name(), typed(d, rs.getString("value_text")));
                    }
                });
        return eligibility.evaluate(date, facts, List.of(row.rightId()), LocaleContextHolder.getLocale()).get(0);
    }

    private Map<String, FactDefinition> definitions() {
        Map<String, FactDefinition> defs = new TreeMap<>();
        eligibility.facts().forEach(d -> defs.put(d.name(), d));
        return defs;
    }

    /** The value as the evaluator wants it, or a violation naming the fact. */
    private Object parseFact(Validation v, String name, String value) {
        FactDefinition d = definitions().get(name);
        if (d == null) {
            v.add("name", "applications.fact.unknown", name);
            return null;
        }
        try {
            Object typed = typed(d, value.strip());
            if (typed != null) {
                return typed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add("value", "applications.fact.invalid." + d.type().name(), name,
                d.values() == null ? "" : String.join(", ", d.values()));
        return null;
    }

    private static Object typed(FactDefinition d, String text) {
        return switch (d.type()) {
            case BOOLEAN -> "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
            case MONEY, NUMBER -> new BigDecimal(text.replace(',', '.'));
            case INTEGER -> Long.valueOf(text);
            case CHOICE -> d.values().contains(text) ? text : null;
            case TEXT -> text;
        };
    }

    private void insertFact(Actor actor, UUID id, String name, Object value, FactSource source) {
        OffsetDateTime now = now();
        jdbc.sql("update application_fact set superseded_at = ? where application_id = ? and tenant_id = ? and name = ? and superseded_at is null")
                .params(now, id, actor.tenantId(), name).update();
        jdbc.sql("""
                insert into application_fact (id, tenant_id, application_id, name, value_text, source, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), actor.tenantId(), id, name,
                        value == null ? null : value instanceof BigDecimal b ? b.toPlainString() : value.toString(), source.name(), now,
                        actor.username())
                .update();
    }

    private static BigDecimal money(Validation v, String field, String text) {
        try {
            BigDecimal b = new BigDecimal(text.strip().replace(',', '.'));
            if (b.signum() <= 0 || b.scale() > 2 || b.compareTo(new BigDecimal("100000")) >= 0) {
                v.add(field, "applications.money.invalid");
                return null;
            }
            return b.setScale(2);
        } catch (NumberFormatException e) {
            v.add(field, "applications.money.invalid");
            return null;
        }
    }

    /** ISO from date inputs, or dd/mm/yyyy as typed at the desk. */
    private static LocalDate date(Validation v, String field, String text) {
        LocalDate d = People.parseDate(text.strip()).orElse(null);
        if (d == null) {
            v.add(field, "validation.date");
        }
        return d;
    }

    String rightName(String rightId, Locale locale) {
        try {
            return eligibility.right(rightId).name().in(locale);
        } catch (NotFoundException e) {
            return rightId;
        }
    }

    /** The citizen's dossier that is not closed, if any. */
    private UUID openDossier(UUID personId) {
        return dossiers.ofPerson(personId).stream().filter(d -> d.status() != DossierStatus.CLOSED).map(DossierSummary::id)
                .findFirst().orElse(null);
    }

    /**
     * A step in the citizen's dossier, in Dutch (the dossier's working language). Committee members do not
     * work in dossiers, so their decisions are written as the system on their behalf.
     */
    private void dossierStep(Actor actor, UUID dossierId, String kind, String key, Object... args) {
        String text = messages.getMessage(key, args, Locale.forLanguageTag("nl"));
        NewStep step = new NewStep(kind, "INTERNAL", text, null);
        if (Dossiers.isCaseworker(actor)) {
            dossiers.addStep(dossierId, step);
        } else {
            SystemActor.runAs(actor.tenantId(), actor.username(), () -> dossiers.addStep(dossierId, step));
        }
    }

    private List<ApplicationSummary> summaries(Actor actor, String where, Object... params) {
        Locale locale = LocaleContextHolder.getLocale();
        record Line(UUID id, UUID personId, String rightId, ApplicationStatus status, LocalDate appliedOn, long version, LocalDate overdue) {
        }
        List<Object> all = new ArrayList<>();
        all.add(LocalDate.now(clock));
        all.addAll(Arrays.asList(params));
        List<Line> lines = jdbc.sql("select a.id, a.person_id, a.right_id, a.status, a.applied_on, a.version, r.deadline from application a left"
                        + ProofRequests.JOIN_OVERDUE + "where " + where)
                .params(all)
                .query((rs, n) -> new Line(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("right_id"),
                        ApplicationStatus.valueOf(rs.getString("status")), rs.getObject("applied_on", LocalDate.class), rs.getLong("version"),
                        rs.getObject("deadline", LocalDate.class)))
                .list();
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> names = people.names(lines.stream().map(Line::personId).distinct().toList());
        return lines.stream().filter(l -> committeeMaySee(actor, l.status())).map(l -> new ApplicationSummary(l.id(), l.personId(), names.get(l.personId()), l.rightId(),
                rightName(l.rightId(), locale), l.status(), l.appliedOn(), l.version(), l.overdue() == null ? null : l.overdue().plusDays(1)))
                .toList();
    }

    private Actor worker() {
        Actor actor = CurrentActor.get();
        if (!isWorker(actor)) {
            throw new NotFoundException("Application");
        }
        return actor;
    }

    private Actor reader() {
        Actor actor = CurrentActor.get();
        if (!isWorker(actor) && !actor.has(Role.COMMITTEE)) {
            throw new NotFoundException("Application");
        }
        return actor;
    }

    /**
     * The application as the actor may see it. Committee members (without case-work roles) see an
     * application only once it reaches the decision stage: a file being prepared stays with the workers.
     */
    Row load(Actor actor, UUID id) {
        Row row = jdbc.sql("select * from application where id = ? and tenant_id = ?").params(id, actor.tenantId())
                .query(Applications::row).optional().orElseThrow(() -> new NotFoundException("Application"));
        if (!committeeMaySee(actor, row.status())) {
            throw new NotFoundException("Application");
        }
        return row;
    }

    private static boolean committeeMaySee(Actor actor, ApplicationStatus status) {
        return isWorker(actor) || (status != ApplicationStatus.DRAFT && status != ApplicationStatus.WAITING_FOR_PROOFS);
    }

    /** Optimistic locking: the change applies only to the version the user saw. */
    private void bump(Actor actor, UUID id, long version, String set) {
        int rows = jdbc.sql("update application set " + (set == null ? "" : set + ", ")
                        + "updated_at = ?, updated_by = ?, version = version + 1 where id = ? and tenant_id = ? and version = ?")
                .params(now(), actor.username(), id, actor.tenantId(), version).update();
        if (rows == 0) {
            throw new StaleVersionException("Application");
        }
    }

    void history(Actor actor, UUID id, String what, String detail) {
        jdbc.sql("""
                insert into application_history (id, tenant_id, application_id, what, detail, changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), actor.tenantId(), id, what, detail, now(), actor.username()).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\n"));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String proposal = rs.getString("proposal_outcome");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getObject("dossier_id", UUID.class),
                rs.getString("right_id"), ApplicationStatus.valueOf(rs.getString("status")), rs.getObject("applied_on", LocalDate.class),
                rs.getString("report"), proposal == null ? null : DecisionOutcome.valueOf(proposal), rs.getBigDecimal("proposal_amount"),
                rs.getString("proposal_text"), rs.getLong("version"), rs.getObject("renewal_of", UUID.class));
    }

    private static ApplicationView.Decision decision(ResultSet rs, int n) throws SQLException {
        return new ApplicationView.Decision(rs.getObject("id", UUID.class), rs.getInt("seq"), DecisionOutcome.valueOf(rs.getString("outcome")),
                rs.getBigDecimal("monthly_amount"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_until", LocalDate.class), rs.getString("reasons"), rs.getString("missing"), rs.getString("route"),
                rs.getObject("session_id", UUID.class), rs.getString("evaluation_outcome"), rs.getBigDecimal("evaluation_amount"),
                rs.getString("rule_version"), rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"));
    }
}

package be.loket.applications;

import be.loket.audit.AuditLog;
import be.loket.documents.DocumentInfo;
import be.loket.documents.Documents;
import be.loket.documents.Owner;
import be.loket.eligibility.LocalizedText;
import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Validation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications as the citizen sees them in the portal: the caller names the citizen it authenticated,
 * and an application or proof of anyone else (or of another municipality) is not found. Only what the
 * citizen needs is shown: the right, where it stands, the proofs still asked with the date to send
 * them by, and the decision. Internal notes (report, proposal, facts) never leave this class.
 */
@Service
@Transactional
public class CitizenApplications {

    /** One application of the citizen; {@code proofsDue} is the date asked proofs should arrive by. */
    public record CitizenApplication(UUID id, String rightName, ApplicationStatus status, LocalDate appliedOn, LocalDate proofsDue,
            List<AskedProof> asked, List<String> received, BigDecimal monthlyAmount, LocalDate grantedFrom, LocalDate grantedUntil) {

        public boolean waitingForCitizen() {
            return !asked.isEmpty();
        }
    }

    /** A proof still asked of the citizen: never sent, or refused (with the reason, so they know what to send instead). */
    public record AskedProof(UUID id, String label, ProofStatus status, String refusalReason) {
    }

    private final JdbcClient jdbc;
    private final Applications applications;
    private final Documents documents;
    private final AuditLog audit;
    private final Clock clock;
    private final int proofsDeadlineDays;

    CitizenApplications(JdbcClient jdbc, Applications applications, Documents documents, AuditLog audit, Clock clock,
            @Value("${loket.applications.proofs-deadline-days:14}") int proofsDeadlineDays) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
        this.proofsDeadlineDays = proofsDeadlineDays;
    }

    /** The citizen's applications in the acting tenant, newest first. */
    public List<CitizenApplication> of(UUID personId) {
        UUID tenant = CurrentActor.get().tenantId();
        Locale locale = LocaleContextHolder.getLocale();
        record Line(UUID id, String rightId, ApplicationStatus status, LocalDate appliedOn) {
        }
        List<Line> lines = jdbc.sql("select id, right_id, status, applied_on from application where tenant_id = ? and person_id = ? order by applied_on desc, created_at desc")
                .params(tenant, personId)
                .query((rs, n) -> new Line(rs.getObject("id", UUID.class), rs.getString("right_id"),
                        ApplicationStatus.valueOf(rs.getString("status")), rs.getObject("applied_on", LocalDate.class)))
                .list();
        List<CitizenApplication> result = new ArrayList<>();
        for (Line l : lines) {
            Map<UUID, AskedProof> asked = new LinkedHashMap<>();
            List<String> received = new ArrayList<>();
            boolean open = !l.status().decided() || l.status() == ApplicationStatus.POSTPONED;
            jdbc.sql("select id, label_nl, label_fr, label_en, status, refusal_reason from application_proof where application_id = ? and tenant_id = ? order by position")
                    .params(l.id(), tenant).query(rs -> {
                        ProofStatus status = ProofStatus.valueOf(rs.getString("status"));
                        String label = new LocalizedText(rs.getString("label_nl"), rs.getString("label_fr"), rs.getString("label_en")).in(locale);
                        if (open && (status == ProofStatus.REQUESTED || status == ProofStatus.REFUSED)) {
                            asked.put(rs.getObject("id", UUID.class), new AskedProof(rs.getObject("id", UUID.class), label, status,
                                    rs.getString("refusal_reason")));
                        } else {
                            received.add(label);
                        }
                    });
            var grant = jdbc.sql("select monthly_amount, period_from, period_until from granted_right where application_id = ? and tenant_id = ? and status = 'ACTIVE'")
                    .params(l.id(), tenant)
                    .query((rs, n) -> new Object[] {rs.getBigDecimal("monthly_amount"), rs.getObject("period_from", LocalDate.class),
                            rs.getObject("period_until", LocalDate.class)})
                    .optional();
            result.add(new CitizenApplication(l.id(), applications.rightName(l.rightId(), locale), l.status(), l.appliedOn(),
                    proofsDue(tenant, l.id(), l.appliedOn()), List.copyOf(asked.values()), received,
                    grant.map(g -> (BigDecimal) g[0]).orElse(null), grant.map(g -> (LocalDate) g[1]).orElse(null),
                    grant.map(g -> (LocalDate) g[2]).orElse(null)));
        }
        audit.write(AuditLog.Action.SEARCH, Applications.AUDIT_TYPE, null, "portal person=" + personId + " results=" + result.size());
        return result;
    }

    /**
     * The date the citizen's letter named: the latest request's deadline, or the reminder's once a reminder
     * went out. Without a request on record (applications from before requests were kept), the deadline a
     * request made on the day of applying would have had.
     */
    private LocalDate proofsDue(UUID tenant, UUID applicationId, LocalDate appliedOn) {
        return jdbc.sql("""
                select coalesce(reminder_deadline, deadline) from proofs_request where application_id = ? and tenant_id = ?
                order by version desc limit 1""")
                .params(applicationId, tenant).query(LocalDate.class).optional()
                .orElse(appliedOn.plusDays(proofsDeadlineDays));
    }

    /**
     * A proof sent by the citizen: checked and stored by the documents module exactly as an upload at the
     * desk (same content checks, size limit and messages; a refused file leaves nothing behind), after
     * which the proof is RECEIVED for the worker to accept or refuse.
     */
    public UUID uploadProof(UUID personId, UUID applicationId, UUID proofId, String fileName, byte[] content) {
        Actor actor = CurrentActor.get();
        var app = jdbc.sql("select status from application where id = ? and tenant_id = ? and person_id = ?")
                .params(applicationId, actor.tenantId(), personId).query(String.class).optional()
                .map(ApplicationStatus::valueOf).orElseThrow(() -> new NotFoundException("Application"));
        ProofStatus current = jdbc.sql("select status from application_proof where id = ? and application_id = ? and tenant_id = ?")
                .params(proofId, applicationId, actor.tenantId()).query(String.class).optional().map(ProofStatus::valueOf)
                .orElseThrow(() -> new NotFoundException("Proof"));
        var v = new Validation();
        if (app.decided() && app != ApplicationStatus.POSTPONED) {
            v.add("file", "applications.proof.decided");
        } else if (current == ProofStatus.ACCEPTED) {
            v.add("file", "portal.proof.alreadyAccepted");
        }
        v.throwIfInvalid();
        DocumentInfo stored = documents.attach(new Owner(Applications.AUDIT_TYPE, applicationId), fileName,
                content == null ? new byte[0] : content);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // No version check: the citizen never saw one; a worker who saved an older version gets a conflict instead.
        jdbc.sql("update application set updated_at = ?, updated_by = ?, version = version + 1 where id = ? and tenant_id = ?")
                .params(now, actor.username(), applicationId, actor.tenantId()).update();
        jdbc.sql("""
                update application_proof set status = 'RECEIVED', document_id = ?, refusal_reason = null, changed_at = ?, changed_by = ?
                where id = ? and tenant_id = ?""")
                .params(stored.id(), now, actor.username(), proofId, actor.tenantId()).update();
        applications.history(actor, applicationId, "PROOF_RECEIVED", proofId + " (portal)");
        audit.write(AuditLog.Action.UPDATE, Applications.AUDIT_TYPE, applicationId, "proof " + proofId + " RECEIVED portal");
        return stored.id();
    }
}

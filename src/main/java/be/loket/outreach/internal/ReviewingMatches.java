package be.loket.outreach.internal;

import be.loket.audit.AuditLog;
import be.loket.outreach.PartnerFactsRecorded;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.person.PersonDetails;
import be.loket.platform.Actor;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue: rows the matcher was unsure about (a candidate to confirm or reject) and rows
 * without any candidate (register the citizen, or leave the row aside). Facts are only recorded once a
 * row is linked to a citizen.
 */
@Service
@Transactional
public class ReviewingMatches {
    static final int QUEUE_SIZE = 100;

    /** A row to review with the candidate citizen, if the matcher found one. */
    public record Item(StoredRow row, Person candidate) {
    }

    private final JdbcClient jdbc;
    private final People people;
    private final FactRecorder facts;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RightsWorklists rights;

    ReviewingMatches(JdbcClient jdbc, People people, FactRecorder facts, AuditLog audit, Clock clock, ApplicationEventPublisher events,
            RightsWorklists rights) {
        this.events = events;
        this.rights = rights;
        this.jdbc = jdbc;
        this.people = people;
        this.facts = facts;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Item> queue() {
        Actor actor = OutreachAccess.worker();
        List<StoredRow> rows = jdbc.sql("""
                        select r.* from outreach_row r join outreach_import i on i.id = r.import_id
                        where r.tenant_id = ? and r.match_status in ('REVIEW', 'UNMATCHED')
                        order by case r.match_status when 'REVIEW' then 0 else 1 end, i.imported_at, r.line_no limit ?""")
                .params(actor.tenantId(), QUEUE_SIZE).query(StoredRow::of).list();
        audit.write(AuditLog.Action.READ, "OUTREACH_REVIEW", null, "rows=" + rows.size());
        return rows.stream().map(r -> new Item(r, r.candidateId() == null ? null : people.get(r.candidateId()))).toList();
    }

    @Transactional(readOnly = true)
    public long count() {
        Actor actor = OutreachAccess.worker();
        return jdbc.sql("select count(*) from outreach_row where tenant_id = ? and match_status in ('REVIEW', 'UNMATCHED')")
                .param(actor.tenantId()).query(Long.class).single();
    }

    /** The candidate is the person on the list. */
    public void confirm(UUID rowId) {
        StoredRow row = row(rowId, StoredRow.MatchStatus.REVIEW);
        link(row, row.candidateId(), StoredRow.MatchStatus.CONFIRMED);
    }

    /** The candidate is someone else: the row waits for a new registration or is left aside. */
    public void reject(UUID rowId) {
        StoredRow row = row(rowId, StoredRow.MatchStatus.REVIEW);
        update(row, StoredRow.MatchStatus.UNMATCHED, null);
        audit.write(AuditLog.Action.UPDATE, "OUTREACH_ROW", row.id(), "candidate rejected");
    }

    /** Registers the person on the list as a new citizen (the worker checked they are not in the register). */
    public UUID createPerson(UUID rowId) {
        StoredRow row = row(rowId, StoredRow.MatchStatus.UNMATCHED);
        var v = row.values();
        LocalDate birth = (LocalDate) v.get(ListField.BIRTH_DATE);
        UUID personId = people.create(new PersonDetails(row.values().get(ListField.FIRST_NAME).toString(),
                v.get(ListField.LAST_NAME).toString(), birth == null ? null : birth.toString(), text(v.get(ListField.INSZ)),
                text(v.get(ListField.STREET)), text(v.get(ListField.HOUSE_NUMBER)), text(v.get(ListField.BOX)),
                text(v.get(ListField.POSTAL_CODE)), text(v.get(ListField.CITY)), null, null, "LETTER", "nl", false, null), true);
        link(row, personId, StoredRow.MatchStatus.CREATED);
        return personId;
    }

    /** Not a citizen to follow up (moved away, not ours): leaves the queue, keeps no facts. */
    public void dismiss(UUID rowId) {
        StoredRow row = row(rowId, StoredRow.MatchStatus.UNMATCHED);
        update(row, StoredRow.MatchStatus.DISMISSED, null);
        audit.write(AuditLog.Action.UPDATE, "OUTREACH_ROW", row.id(), "dismissed");
    }

    private void link(StoredRow row, UUID personId, StoredRow.MatchStatus status) {
        update(row, status, personId);
        LocalDate listDay = jdbc.sql("select imported_at from outreach_import where id = ?").param(row.importId())
                .query(OffsetDateTime.class).single().atZoneSameInstant(clock.getZone()).toLocalDate();
        facts.record(row, personId, listDay);
        audit.write(AuditLog.Action.UPDATE, "OUTREACH_ROW", row.id(), status + " person=" + personId);
        events.publishEvent(new PartnerFactsRecorded(OutreachAccess.worker().tenantId(), row.importId(), row.listType(), List.of(personId)));
        // The citizen's household is evaluated at once, so the worklists show them without waiting for the night.
        rights.evaluate(List.of(personId), done -> {
        });
    }

    private void update(StoredRow row, StoredRow.MatchStatus status, UUID personId) {
        Actor actor = OutreachAccess.worker();
        int n = jdbc.sql("""
                        update outreach_row set match_status = ?, person_id = ?, reviewed_at = ?, reviewed_by = ?
                        where id = ? and tenant_id = ? and match_status = ?""")
                .params(status.name(), personId, OffsetDateTime.now(clock), actor.username(), row.id(), actor.tenantId(),
                        row.status().name()).update();
        if (n == 0) {
            throw new InvalidInputException(new FieldViolation("row", "outreach.review.alreadyDone"));
        }
    }

    private StoredRow row(UUID id, StoredRow.MatchStatus expected) {
        Actor actor = OutreachAccess.worker();
        StoredRow row = jdbc.sql("select * from outreach_row where id = ? and tenant_id = ?").params(id, actor.tenantId())
                .query(StoredRow::of).optional().orElseThrow(() -> new NotFoundException("Row"));
        if (row.status() != expected) {
            throw new InvalidInputException(new FieldViolation("row", "outreach.review.alreadyDone"));
        }
        return row;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}

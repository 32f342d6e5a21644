package be.loket.dossier;

import be.loket.audit.AuditLog;
import be.loket.identity.Directory;
import be.loket.identity.Organisation;
import be.loket.identity.OrganisationKind;
import be.loket.identity.StaffUser;
import be.loket.intake.Contact;
import be.loket.intake.Contacts;
import be.loket.intake.Theme;
import be.loket.person.Households;
import be.loket.person.People;
import be.loket.platform.Actor;
import be.loket.platform.Choices;
import be.loket.platform.Chunks;
import be.loket.platform.CurrentActor;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import be.loket.platform.StaleVersionException;
import be.loket.platform.Texts;
import be.loket.platform.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Objects;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening, reading and following up dossiers. Who may do what (see ADR 0201): the own service's case
 * workers (social workers, specialists, team leads) read every dossier of their municipality and add
 * steps; the owner and the team lead also change status and shares and read the audit trail; only the
 * team lead reassigns; the front desk opens dossiers but does not read them; a partner reads only
 * dossiers shared with its organisation, only their shared steps, and adds shared steps. For everyone
 * else a dossier does not exist (NotFoundException, so 404). Every read and write is audited.
 */
@Service
@Transactional
public class Dossiers {
    static final String AUDIT_TYPE = "DOSSIER";
    /** Lines per page of "my work": a screenful, and a bounded cost per request. */
    public static final int PAGE_SIZE = 50;
    private static final Set<Role> CASEWORK = EnumSet.of(Role.SOCIAL_WORKER, Role.SPECIALIST, Role.TEAM_LEAD);
    private static final Set<Role> OPENERS = EnumSet.of(Role.FRONT_DESK, Role.SOCIAL_WORKER, Role.SPECIALIST, Role.TEAM_LEAD);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Directory directory;
    private final People people;
    private final Households households;
    private final Contacts contacts;
    private final Clock clock;

    Dossiers(JdbcClient jdbc, AuditLog audit, Directory directory, People people, Households households, Contacts contacts,
            Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
        this.people = people;
        this.households = households;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** How the acting user relates to one dossier. */
    private enum Access { NONE, PARTNER, CASEWORKER, MANAGER }

    private record Row(UUID id, UUID personId, UUID householdId, UUID ownerId, DossierStatus status, String closeReason,
            String lifeDomains, OffsetDateTime openedAt, OffsetDateTime lastActivityAt, OffsetDateTime ownerSeenAt, long version) {
    }

    public static boolean mayOpen(Actor actor) {
        return actor.roles().stream().anyMatch(OPENERS::contains);
    }

    public static boolean isCaseworker(Actor actor) {
        return actor.roles().stream().anyMatch(CASEWORK::contains);
    }

    // ---------------------------------------------------------------- opening

    public UUID open(OpenDossier command) {
        Actor actor = CurrentActor.get();
        if (!mayOpen(actor)) {
            throw new NotFoundException("Dossier");
        }
        if (command.personId() == null) {
            throw new InvalidInputException(new FieldViolation("personId", "validation.required"));
        }
        if (people.names(List.of(command.personId())).isEmpty()) {
            throw new NotFoundException("Person");
        }
        Contact contact = command.contactId() == null ? null : contacts.get(command.contactId());
        UUID householdId = command.householdId();
        var v = new Validation();
        if (householdId != null) {
            // Another municipality's household does not exist here (404), like everything of another tenant.
            Households.Household household = households.get(householdId);
            if (household.members().stream().noneMatch(m -> m.personId().equals(command.personId()))) {
                v.add("householdId", "dossier.household.notMember");
            }
        }
        if (contact != null && !command.personId().equals(contact.personId())) {
            v.add("contactId", "dossier.contact.otherPerson");
        }
        if (command.ownerId() != null) {
            checkOwner(v, "ownerId", command.ownerId());
        }
        List<Theme> domains = domains(v, command.lifeDomains());
        if (!v.hasErrorOn("householdId") && ongoing(actor, command.personId(), householdId)) {
            FieldViolation already = alreadyOngoing(householdId);
            v.add(already.field(), already.messageKey());
        }
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            // open_person_id / open_household_id: the unique keys that refuse a second ongoing dossier (ADR 0205).
            jdbc.sql("""
                    insert into dossier (id, tenant_id, person_id, household_id, owner_id, status, life_domains, opened_from_contact,
                        opened_at, opened_by, last_activity_at, owner_seen_at, version, open_person_id, open_household_id)
                    values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                    .params(id, actor.tenantId(), command.personId(), householdId, command.ownerId(), csv(domains),
                            command.contactId(), now, actor.username(), now, now, householdId == null ? command.personId() : null,
                            householdId).update();
        } catch (DuplicateKeyException concurrentOpen) {
            // Someone opened one at the same moment, after our check: the same message as if we had seen it.
            throw new InvalidInputException(alreadyOngoing(householdId));
        }
        change(actor, id, "OWNER", null, command.ownerId() == null ? null : command.ownerId().toString(), null);
        change(actor, id, "STATUS", null, DossierStatus.OPEN.name(), null);
        if (contact != null) {
            insertStep(actor, id, StepKind.NOTE, Visibility.INTERNAL, contact.question(),
                    contact.occurredAt().atZoneSameInstant(clock.getZone()).toLocalDate());
            contacts.linkDossier(contact.id(), id);
        }
        audit.write(AuditLog.Action.CREATE, AUDIT_TYPE, id, "person=" + command.personId()
                + (householdId == null ? "" : " household=" + householdId) + " owner=" + command.ownerId());
        return id;
    }

    /** Whether the citizen has an ongoing personal dossier, or (with a household) the household an ongoing household dossier. */
    private boolean ongoing(Actor actor, UUID personId, UUID householdId) {
        String sql = householdId == null
                ? "select count(*) from dossier where tenant_id = ? and person_id = ? and household_id is null and status <> 'CLOSED'"
                : "select count(*) from dossier where tenant_id = ? and household_id = ? and status <> 'CLOSED'";
        return jdbc.sql(sql).params(actor.tenantId(), householdId == null ? personId : householdId).query(Long.class).single() > 0;
    }

    private static FieldViolation alreadyOngoing(UUID householdId) {
        return householdId == null ? new FieldViolation("personId", "dossier.person.alreadyOpen")
                : new FieldViolation("householdId", "dossier.household.alreadyOpen");
    }

    /** The citizen the dossier is opened for, or (household dossier) a current member of its household. */
    private boolean concerns(Row row, UUID personId) {
        if (personId == null) {
            return false;
        }
        return row.personId().equals(personId)
                || (row.householdId() != null && row.householdId().equals(households.currentIdsOf(List.of(personId)).get(personId)));
    }

    /**
     * "Dossier added to": the question of a contact becomes an internal note in the citizen's ongoing dossier,
     * and the contact counts as handled. Whoever may open dossiers may do this (the front desk does it most).
     */
    public void addContact(UUID dossierId, UUID contactId) {
        Actor actor = CurrentActor.get();
        if (!mayOpen(actor)) {
            throw new NotFoundException("Dossier");
        }
        Row row = load(actor, dossierId);
        Contact contact = contacts.get(contactId);
        var v = new Validation();
        if (!concerns(row, contact.personId())) {
            v.add("contactId", "dossier.contact.otherPerson");
        } else if (row.status() == DossierStatus.CLOSED) {
            v.add("contactId", "dossier.contact.closed");
        }
        v.throwIfInvalid();
        insertStep(actor, dossierId, StepKind.NOTE, Visibility.INTERNAL, contact.question(),
                contact.occurredAt().atZoneSameInstant(clock.getZone()).toLocalDate());
        contacts.linkDossier(contactId, dossierId);
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, dossierId, "question of contact " + contactId);
    }

    // ---------------------------------------------------------------- reading

    /** The dossier as the user may see it; the owner's reading marks partner steps as seen. */
    public DossierView get(UUID id) {
        Actor actor = CurrentActor.get();
        Row row = load(actor, id);
        Access access = access(actor, row);
        if (access == Access.NONE) {
            throw new NotFoundException("Dossier");
        }
        boolean partner = access == Access.PARTNER;
        boolean owner = actor.userId() != null && actor.userId().equals(row.ownerId());
        List<DossierView.Step> steps = jdbc.sql("select * from dossier_step where dossier_id = ? and tenant_id = ?"
                        + (partner ? " and visibility = 'SHARED'" : "") + " order by occurred_on desc, created_at desc")
                .params(id, actor.tenantId())
                .query((rs, n) -> step(rs, owner && rs.getBoolean("by_partner")
                        && rs.getObject("created_at", OffsetDateTime.class).isAfter(row.ownerSeenAt())))
                .list();
        if (owner && steps.stream().anyMatch(DossierView.Step::unseen)) {
            // Only then: a read that changes nothing writes nothing but its audit event.
            jdbc.sql("update dossier set owner_seen_at = ? where id = ? and tenant_id = ?")
                    .params(OffsetDateTime.now(clock), id, actor.tenantId()).update();
        }
        List<DossierView.Share> shares = partner ? List.of() : shares(actor, id);
        List<DossierView.Change> history = partner ? List.of() : history(actor, id);
        Map<UUID, String> staff = staffNames(row.ownerId() == null ? List.of() : List.of(row.ownerId()));
        audit.write(AuditLog.Action.READ, AUDIT_TYPE, id, partner ? "shared steps only" : null);
        return new DossierView(row.id(), row.personId(), people.names(List.of(row.personId())).get(row.personId()), row.householdId(),
                row.ownerId(),
                row.ownerId() == null ? null : staff.get(row.ownerId()), row.status(), row.closeReason(), parse(row.lifeDomains()),
                row.openedAt(), row.lastActivityAt(), row.version(), steps, shares, history, access == Access.MANAGER);
    }

    /**
     * "My work": a case worker's own dossiers that are not closed, with the latest activity first; a partner's
     * dossiers shared with its organisation. Others have none.
     */
    public List<DossierSummary> myWork() {
        return myWork(0);
    }

    /** One page of {@link #PAGE_SIZE} lines of "my work" (0 is the most recently active). */
    public List<DossierSummary> myWork(int page) {
        Actor actor = CurrentActor.get();
        String window = " order by d.last_activity_at desc, d.id limit " + PAGE_SIZE + " offset " + (Math.max(0, page) * PAGE_SIZE);
        List<DossierSummary> list;
        if (actor.has(Role.PARTNER)) {
            list = summaries(actor, """
                    where d.tenant_id = :tenant and exists (select 1 from dossier_share s where s.dossier_id = d.id
                      and s.tenant_id = d.tenant_id and s.organisation_id = :org and s.ended_at is null)""" + window,
                    Map.of("org", actor.organisationId()), false);
        } else if (isCaseworker(actor) && actor.userId() != null) {
            list = summaries(actor, "where d.tenant_id = :tenant and d.owner_id = :owner and d.status <> 'CLOSED'" + window,
                    Map.of("owner", actor.userId()), true);
        } else {
            list = List.of();
        }
        audit.write(AuditLog.Action.SEARCH, AUDIT_TYPE, null, "my work page=" + page + " results=" + list.size());
        return list;
    }

    /** Dossiers without an owner, for the team meeting. */
    public List<DossierSummary> unassigned() {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.TEAM_LEAD)) {
            throw new NotFoundException("Dossier");
        }
        List<DossierSummary> list = summaries(actor, "where d.tenant_id = :tenant and d.owner_id is null and d.status <> 'CLOSED'"
                + " order by d.opened_at", Map.of(), false);
        audit.write(AuditLog.Action.SEARCH, AUDIT_TYPE, null, "unassigned results=" + list.size());
        return list;
    }

    /**
     * A citizen's dossiers for the own service's staff (the front desk sees that they exist and who owns them):
     * those opened for the citizen and those of the household the citizen lives in now.
     */
    public List<DossierSummary> ofPerson(UUID personId) {
        Actor actor = CurrentActor.get();
        if (!mayOpen(actor)) {
            return List.of();
        }
        UUID household = households.currentIdsOf(List.of(personId)).get(personId);
        List<DossierSummary> list = household == null
                ? summaries(actor, "where d.tenant_id = :tenant and d.person_id = :person order by d.opened_at desc",
                        Map.of("person", personId), false)
                : summaries(actor, "where d.tenant_id = :tenant and (d.person_id = :person or d.household_id = :household)"
                        + " order by d.opened_at desc", Map.of("person", personId, "household", household), false);
        audit.write(AuditLog.Action.SEARCH, AUDIT_TYPE, null, "of person=" + personId + " results=" + list.size());
        return list;
    }

    /**
     * The most recently opened dossier that is not closed of each given citizen, for lists that link to it
     * (worklists, campaigns, letters): the citizen's own or that of the household the citizen lives in now.
     * Own-service staff only; the caller audits the list it shows (the household lookup audits itself,
     * which is why this is no read-only transaction).
     */
    public Map<UUID, UUID> currentDossierOf(java.util.Collection<UUID> personIds) {
        Actor actor = CurrentActor.get();
        var result = new java.util.HashMap<UUID, UUID>();
        if (!mayOpen(actor) || personIds.isEmpty()) {
            return result;
        }
        record Ongoing(UUID id, OffsetDateTime openedAt) {
        }
        Map<UUID, Ongoing> latest = new HashMap<>();
        Map<UUID, UUID> householdOf = households.currentIdsOf(personIds);
        Map<UUID, List<UUID>> membersOf = householdOf.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
                Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        for (String key : List.of("person_id", "household_id")) {
            for (List<UUID> chunk : Chunks.of(key.equals("person_id") ? new HashSet<>(personIds) : membersOf.keySet(), 500)) {
                jdbc.sql("select " + key + ", id, opened_at from dossier where tenant_id = :tenant and " + key + " in (:ids)"
                                + " and status <> 'CLOSED'")
                        .param("tenant", actor.tenantId()).param("ids", chunk)
                        .query(rs -> {
                            var found = new Ongoing(rs.getObject("id", UUID.class), rs.getObject("opened_at", OffsetDateTime.class));
                            UUID subject = rs.getObject(key, UUID.class);
                            for (UUID person : key.equals("person_id") ? List.of(subject) : membersOf.get(subject)) {
                                latest.merge(person, found, (a, b) -> b.openedAt().isAfter(a.openedAt()) ? b : a);
                            }
                        });
            }
        }
        latest.forEach((person, ongoing) -> result.put(person, ongoing.id()));
        return result;
    }

    /**
     * The audit trail of a dossier, for its owner and the team lead. Reading who read the file is itself a
     * read of the file, so it is audited (hence no read-only transaction: PostgreSQL would refuse the insert).
     */
    public List<AuditLog.Event> trail(UUID id) {
        Actor actor = CurrentActor.get();
        if (access(actor, load(actor, id)) != Access.MANAGER) {
            throw new NotFoundException("Dossier");
        }
        List<AuditLog.Event> events = audit.trailUnchecked(AUDIT_TYPE, id);
        audit.write(AuditLog.Action.READ, AUDIT_TYPE, id, "audit trail");
        return events;
    }

    /**
     * Who the dossier is about, for a page header (e.g. the audit page): unlike {@link #get} it reads no
     * steps and so leaves the owner's "new" marks on partner steps alone.
     */
    public DossierHeader header(UUID id) {
        Actor actor = CurrentActor.get();
        Row row = load(actor, id);
        if (access(actor, row) == Access.NONE) {
            throw new NotFoundException("Dossier");
        }
        audit.write(AuditLog.Action.READ, AUDIT_TYPE, id, "header");
        return new DossierHeader(row.id(), row.personId(), people.names(List.of(row.personId())).get(row.personId()), row.status());
    }

    // ---------------------------------------------------------------- changing

    public UUID addStep(UUID dossierId, NewStep step) {
        Actor actor = CurrentActor.get();
        Row row = load(actor, dossierId);
        Access access = access(actor, row);
        if (access == Access.NONE) {
            throw new NotFoundException("Dossier");
        }
        var v = new Validation().required("text", step.text()).maxLength("text", step.text(), 4000);
        StepKind kind = Choices.of(v, "kind", StepKind.class, step.kind());
        Visibility visibility = Choices.of(v, "visibility", Visibility.class, step.visibility());
        if (access == Access.PARTNER && visibility == Visibility.INTERNAL) {
            v.add("visibility", "dossier.step.partnerShared");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = today;
        if (Texts.trimToNull(step.occurredOn()) != null) {
            try {
                on = LocalDate.parse(step.occurredOn().strip());
                if (on.isAfter(today)) {
                    v.add("occurredOn", "dossier.step.future");
                }
            } catch (DateTimeParseException e) {
                v.add("occurredOn", "validation.date");
            }
        }
        v.throwIfInvalid();
        UUID id = insertStep(actor, dossierId, kind, visibility, step.text().strip(), on);
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, dossierId, "step " + kind + " " + visibility);
        return id;
    }

    public void changeStatus(UUID id, long version, String status, String reason) {
        Actor actor = CurrentActor.get();
        Row row = manageable(actor, id);
        var v = new Validation().maxLength("reason", reason, 500);
        DossierStatus next = Choices.of(v, "status", DossierStatus.class, status);
        if (next != null && !row.status().next().contains(next)) {
            v.add("status", "dossier.status.notAllowed");
        }
        if (next == DossierStatus.CLOSED && Texts.trimToNull(reason) == null) {
            v.add("reason", "dossier.status.reasonRequired");
        }
        boolean reopening = row.status() == DossierStatus.CLOSED && next == DossierStatus.REOPENED;
        if (reopening && ongoing(actor, row.personId(), row.householdId())) {
            v.add("status", "dossier.status.otherOngoing");
        }
        v.throwIfInvalid();
        // The unique keys of ADR 0205 follow the status: empty while closed, filled again on reopening.
        String keys = next == DossierStatus.CLOSED ? ", open_person_id = null, open_household_id = null"
                : reopening ? ", open_person_id = case when household_id is null then person_id end, open_household_id = household_id"
                : "";
        try {
            bump(actor, id, version, "status = '" + next.name() + "', close_reason = ?" + keys,
                    next == DossierStatus.CLOSED ? reason.strip() : null);
        } catch (DuplicateKeyException concurrentOpen) {
            throw new InvalidInputException(new FieldViolation("status", "dossier.status.otherOngoing"));
        }
        change(actor, id, "STATUS", row.status().name(), next.name(), Texts.trimToNull(reason));
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "status " + row.status() + " -> " + next);
    }

    public void changeLifeDomains(UUID id, long version, List<String> lifeDomains) {
        Actor actor = CurrentActor.get();
        manageable(actor, id);
        var v = new Validation();
        List<Theme> domains = domains(v, lifeDomains);
        v.throwIfInvalid();
        bump(actor, id, version, "life_domains = ?", csv(domains));
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "life domains " + domains);
    }

    /** The team lead gives the dossier to another case worker; the history keeps who had it. */
    public void reassign(UUID id, long version, UUID newOwner) {
        Actor actor = CurrentActor.get();
        Row row = load(actor, id);
        if (!actor.has(Role.TEAM_LEAD)) {
            throw new NotFoundException("Dossier");
        }
        var v = new Validation().required("ownerId", newOwner);
        if (newOwner != null) {
            checkOwner(v, "ownerId", newOwner);
        }
        v.throwIfInvalid();
        // owner_seen_at stays: partner steps no owner has read yet stay "new" for the new owner (ADR 0202);
        // those the previous owner already read are not new, the handover covers them.
        bump(actor, id, version, "owner_id = ?", newOwner);
        change(actor, id, "OWNER", row.ownerId() == null ? null : row.ownerId().toString(), newOwner.toString(), null);
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "owner " + row.ownerId() + " -> " + newOwner);
    }

    public void share(UUID id, long version, UUID organisationId, String purpose) {
        Actor actor = CurrentActor.get();
        manageable(actor, id);
        var v = new Validation().required("organisationId", organisationId).required("purpose", purpose)
                .maxLength("purpose", purpose, 500);
        if (organisationId != null) {
            Organisation org = directory.organisation(organisationId);
            if (org.kind() != OrganisationKind.PARTNER || !org.active()) {
                v.add("organisationId", "dossier.share.notPartner");
            } else if (activeShare(actor, id, organisationId)) {
                v.add("organisationId", "dossier.share.already");
            }
        }
        v.throwIfInvalid();
        bump(actor, id, version, null, null);
        jdbc.sql("""
                insert into dossier_share (id, tenant_id, dossier_id, organisation_id, purpose, started_at, started_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), actor.tenantId(), id, organisationId, purpose.strip(), OffsetDateTime.now(clock),
                        actor.username()).update();
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "shared with " + organisationId);
    }

    public void endShare(UUID id, long version, UUID organisationId) {
        Actor actor = CurrentActor.get();
        manageable(actor, id);
        if (!activeShare(actor, id, organisationId)) {
            throw new NotFoundException("Share");
        }
        bump(actor, id, version, null, null);
        jdbc.sql("""
                update dossier_share set ended_at = ?, ended_by = ?
                where dossier_id = ? and tenant_id = ? and organisation_id = ? and ended_at is null""")
                .params(OffsetDateTime.now(clock), actor.username(), id, actor.tenantId(), organisationId).update();
        audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "share ended with " + organisationId);
    }

    /** Staff a dossier can be given to: the own service's case workers. */
    @Transactional(readOnly = true)
    public List<StaffUser> possibleOwners() {
        return directory.users().stream().filter(u -> u.enabled() && u.roles().stream().anyMatch(CASEWORK::contains)).toList();
    }

    // ---------------------------------------------------------------- helpers

    private Row load(Actor actor, UUID id) {
        return jdbc.sql("select * from dossier where id = ? and tenant_id = ?").params(id, actor.tenantId())
                .query(Dossiers::row).optional().orElseThrow(() -> new NotFoundException("Dossier"));
    }

    private Access access(Actor actor, Row row) {
        boolean manager = actor.has(Role.TEAM_LEAD) || (actor.userId() != null && actor.userId().equals(row.ownerId()));
        if (manager && isCaseworker(actor)) {
            return Access.MANAGER;
        }
        if (isCaseworker(actor)) {
            return Access.CASEWORKER;
        }
        if (actor.has(Role.PARTNER) && actor.organisationId() != null && activeShare(actor, row.id(), actor.organisationId())) {
            return Access.PARTNER;
        }
        return Access.NONE;
    }

    private Row manageable(Actor actor, UUID id) {
        Row row = load(actor, id);
        if (access(actor, row) != Access.MANAGER) {
            throw new NotFoundException("Dossier");
        }
        return row;
    }

    private boolean activeShare(Actor actor, UUID dossierId, UUID organisationId) {
        return jdbc.sql("""
                select count(*) from dossier_share where dossier_id = ? and tenant_id = ? and organisation_id = ? and ended_at is null""")
                .params(dossierId, actor.tenantId(), organisationId).query(Long.class).single() > 0;
    }

    /** Optimistic locking: the change applies only to the version the user saw. */
    private void bump(Actor actor, UUID id, long version, String set, Object param) {
        List<Object> params = new ArrayList<>();
        if (set != null && set.contains("?")) {
            params.add(param);
        }
        params.addAll(List.of(OffsetDateTime.now(clock), id, actor.tenantId(), version));
        int rows = jdbc.sql("update dossier set " + (set == null ? "" : set + ", ") + "last_activity_at = ?, version = version + 1"
                + " where id = ? and tenant_id = ? and version = ?").params(params).update();
        if (rows == 0) {
            throw new StaleVersionException("Dossier");
        }
    }

    private UUID insertStep(Actor actor, UUID dossierId, StepKind kind, Visibility visibility, String text, LocalDate on) {
        String author = actor.username();
        String orgName = null;
        if (actor.userId() != null) {
            author = directory.user(actor.userId()).displayName();
        }
        if (actor.organisationId() != null) {
            orgName = directory.organisation(actor.organisationId()).name();
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into dossier_step (id, tenant_id, dossier_id, kind, visibility, body, author_id, author_name, organisation_id,
                    organisation_name, by_partner, occurred_on, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, actor.tenantId(), dossierId, kind.name(), visibility.name(), text, actor.userId(), author,
                        actor.organisationId(), orgName, actor.has(Role.PARTNER), on, now).update();
        jdbc.sql("update dossier set last_activity_at = ? where id = ? and tenant_id = ?").params(now, dossierId, actor.tenantId()).update();
        return id;
    }

    private void change(Actor actor, UUID id, String what, String oldValue, String newValue, String reason) {
        jdbc.sql("""
                insert into dossier_change (id, tenant_id, dossier_id, what, old_value, new_value, reason, changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), actor.tenantId(), id, what, oldValue, newValue, reason, OffsetDateTime.now(clock),
                        actor.username()).update();
    }

    private void checkOwner(Validation v, String field, UUID ownerId) {
        boolean ok = possibleOwners().stream().anyMatch(u -> u.id().equals(ownerId));
        if (!ok) {
            v.add(field, "dossier.owner.invalid");
        }
    }

    private List<DossierView.Share> shares(Actor actor, UUID id) {
        List<DossierView.Share> raw = jdbc.sql("select * from dossier_share where dossier_id = ? and tenant_id = ? order by started_at desc")
                .params(id, actor.tenantId())
                .query((rs, n) -> new DossierView.Share(rs.getObject("organisation_id", UUID.class), null, rs.getString("purpose"),
                        rs.getObject("started_at", OffsetDateTime.class), rs.getString("started_by"),
                        rs.getObject("ended_at", OffsetDateTime.class), rs.getString("ended_by"))).list();
        if (raw.isEmpty()) {
            return raw;
        }
        Map<UUID, String> orgs = directory.organisations().stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
        return raw.stream().map(sh -> new DossierView.Share(sh.organisationId(), orgs.get(sh.organisationId()), sh.purpose(),
                sh.startedAt(), sh.startedBy(), sh.endedAt(), sh.endedBy())).toList();
    }

    private List<DossierView.Change> history(Actor actor, UUID id) {
        List<DossierView.Change> raw = jdbc.sql("select * from dossier_change where dossier_id = ? and tenant_id = ? order by changed_at desc")
                .params(id, actor.tenantId())
                .query((rs, n) -> new DossierView.Change(rs.getString("what"), rs.getString("old_value"), rs.getString("new_value"),
                        rs.getString("reason"), rs.getObject("changed_at", OffsetDateTime.class), rs.getString("changed_by"))).list();
        // Owner changes store user ids; show names.
        Set<UUID> ids = new HashSet<>();
        raw.stream().filter(c -> c.what().equals("OWNER")).forEach(c -> {
            Stream.of(c.oldValue(), c.newValue()).filter(Objects::nonNull).map(UUID::fromString).forEach(ids::add);
        });
        Map<UUID, String> staff = staffNames(ids);
        return raw.stream().map(c -> c.what().equals("OWNER") ? new DossierView.Change(c.what(), display(c.oldValue(), staff),
                display(c.newValue(), staff), c.reason(), c.changedAt(), c.changedBy()) : c).toList();
    }

    private static String display(String value, Map<UUID, String> staff) {
        return value == null ? null : staff.getOrDefault(UUID.fromString(value), value);
    }

    /** Display names of these staff members (only those: a large city has hundreds of staff). */
    private Map<UUID, String> staffNames(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : directory.displayNames(ids);
    }

    private List<DossierSummary> summaries(Actor actor, String where, Map<String, ?> extra, boolean withOpenQuestions) {
        var params = new HashMap<String, Object>(extra);
        params.put("tenant", actor.tenantId());
        record Line(UUID id, UUID personId, UUID householdId, UUID ownerId, DossierStatus status, OffsetDateTime last, int unseen,
                long version) {
        }
        List<Line> lines = jdbc.sql("""
                select d.id, d.person_id, d.household_id, d.owner_id, d.status, d.last_activity_at, d.version,
                  (select count(*) from dossier_step s where s.dossier_id = d.id and s.by_partner
                     and s.created_at > d.owner_seen_at) as unseen
                from dossier d
                """ + where)
                .params(params)
                .query((rs, n) -> new Line(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getObject("household_id", UUID.class), rs.getObject("owner_id", UUID.class), DossierStatus.valueOf(rs.getString("status")),
                        rs.getObject("last_activity_at", OffsetDateTime.class), rs.getInt("unseen"), rs.getLong("version")))
                .list();
        if (lines.isEmpty()) {
            return List.of();
        }
        Set<UUID> persons = lines.stream().map(Line::personId).collect(Collectors.toSet());
        Map<UUID, String> names = people.names(persons);
        Map<UUID, Integer> open = withOpenQuestions ? contacts.openCounts(persons) : Map.of();
        Map<UUID, String> staff = staffNames(lines.stream().map(Line::ownerId).filter(Objects::nonNull).collect(Collectors.toSet()));
        boolean partner = actor.has(Role.PARTNER);
        return lines.stream().map(l -> new DossierSummary(l.id(), l.personId(), names.get(l.personId()), l.householdId(), l.ownerId(),
                l.ownerId() == null ? null : staff.get(l.ownerId()), l.status(), l.last(),
                partner || !actorOwns(actor, l.ownerId()) ? 0 : l.unseen(), open.getOrDefault(l.personId(), 0), l.version())).toList();
    }

    private static boolean actorOwns(Actor actor, UUID ownerId) {
        return actor.userId() != null && actor.userId().equals(ownerId);
    }

    private static DossierView.Step step(ResultSet rs, boolean unseen) throws SQLException {
        return new DossierView.Step(rs.getObject("id", UUID.class), StepKind.valueOf(rs.getString("kind")),
                Visibility.valueOf(rs.getString("visibility")), rs.getString("body"), rs.getString("author_name"),
                rs.getString("organisation_name"), rs.getBoolean("by_partner"), rs.getObject("occurred_on", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class), unseen);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getObject("household_id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                DossierStatus.valueOf(rs.getString("status")), rs.getString("close_reason"), rs.getString("life_domains"),
                rs.getObject("opened_at", OffsetDateTime.class), rs.getObject("last_activity_at", OffsetDateTime.class),
                rs.getObject("owner_seen_at", OffsetDateTime.class), rs.getLong("version"));
    }

    private static List<Theme> domains(Validation v, Collection<String> values) {
        List<Theme> out = new ArrayList<>();
        if (values != null) {
            for (String s : values) {
                if (s == null || s.isBlank()) {
                    continue;
                }
                Theme t = Choices.of(v, "lifeDomains", Theme.class, s);
                if (t != null && !out.contains(t)) {
                    out.add(t);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String csv(List<Theme> domains) {
        return domains.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static List<Theme> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(Theme::valueOf).toList();
    }


    /**
     * Writes the outcome of a rights check as an internal note in the citizen's dossier that is not
     * closed (the citizen's own or the household's, as {@link #currentDossierOf}), and returns it (empty when there is none). Decided before writing, like addContact: whoever
     * may open dossiers (the front desk too) may record a check there, so that a check run at the desk is
     * not lost from the timeline.
     */
    public java.util.Optional<UUID> recordCheck(UUID personId, String text) {
        Actor actor = CurrentActor.get();
        if (!mayOpen(actor) || Texts.trimToNull(text) == null) {
            return java.util.Optional.empty();
        }
        java.util.Optional<UUID> open = java.util.Optional.ofNullable(currentDossierOf(List.of(personId)).get(personId));
        open.ifPresent(id -> {
            insertStep(actor, id, StepKind.NOTE, Visibility.INTERNAL, text.strip(), LocalDate.now(clock));
            audit.write(AuditLog.Action.UPDATE, AUDIT_TYPE, id, "step NOTE INTERNAL rights check");
        });
        return open;
    }
}

package be.loket.intake;

import be.loket.audit.AuditLog;
import be.loket.identity.Directory;
import be.loket.person.People;
import be.loket.platform.Actor;
import be.loket.platform.Choices;
import be.loket.platform.Chunks;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import be.loket.platform.StaleVersionException;
import be.loket.platform.Texts;
import be.loket.platform.Validation;
import be.loket.platform.calendar.ClosingDaysChanged;
import be.loket.platform.calendar.WorkingDays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering contacts and following up open questions in the acting user's municipality. Only the
 * own services work here; for anyone else (partners, another municipality) contacts do not exist.
 * Every read and write is audited.
 */
@Service
@Transactional
public class Contacts {
    /** Working days within which every question must be handled (seed 002). */
    public static final int NORM_WORKING_DAYS = 2;
    private static final int MAX_DAYS_BACK = 90;
    private static final Set<Role> INTAKE_ROLES = EnumSet.of(Role.FRONT_DESK, Role.SOCIAL_WORKER, Role.SPECIALIST, Role.TEAM_LEAD);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Directory directory;
    private final People people;
    private final WorkingDays workingDays;
    private final Clock clock;

    Contacts(JdbcClient jdbc, AuditLog audit, Directory directory, People people, WorkingDays workingDays, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
        this.people = people;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** Whether the acting user works at the front desk (may register and see contacts). */
    public static boolean mayUse(Actor actor) {
        return actor.roles().stream().anyMatch(INTAKE_ROLES::contains);
    }

    public UUID register(NewContact c) {
        Actor actor = intakeActor();
        if (c.siteId() != null) {
            directory.site(c.siteId());
        }
        if (c.personId() != null && people.names(List.of(c.personId())).isEmpty()) {
            throw new NotFoundException("Person");
        }
        var v = new Validation().required("siteId", c.siteId()).required("question", c.question()).maxLength("question", c.question(), 2000)
                .maxLength("referredTo", c.referredTo(), 200);
        Channel channel = Choices.of(v, "channel", Channel.class, c.channel());
        Outcome outcome = Choices.of(v, "outcome", Outcome.class, c.outcome());
        Set<Theme> themes = new LinkedHashSet<>();
        if (c.themes() == null || c.themes().stream().allMatch(t -> t == null || t.isBlank())) {
            v.add("themes", "intake.themes.required");
        } else {
            for (String t : c.themes()) {
                Theme theme = Choices.of(v, "themes", Theme.class, t);
                if (theme != null) {
                    themes.add(theme);
                }
            }
        }
        if (outcome == Outcome.REFERRED && Texts.trimToNull(c.referredTo()) == null) {
            v.add("referredTo", "intake.referredTo.required");
        }
        if (outcome == Outcome.DOSSIER && c.personId() == null) {
            v.add("outcome", "intake.outcome.dossierNeedsPerson");
        }
        if (c.minutesSpent() != null && (c.minutesSpent() < 0 || c.minutesSpent() > 600)) {
            v.add("minutesSpent", "intake.minutesSpent.range");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime occurred = now;
        if (Texts.trimToNull(c.occurredAt()) != null) {
            occurred = parseMoment(c.occurredAt());
            if (occurred == null) {
                v.add("occurredAt", "intake.occurredAt.invalid");
            } else if (occurred.isAfter(now.plusMinutes(5))) {
                v.add("occurredAt", "intake.occurredAt.future");
            } else if (occurred.isBefore(now.minusDays(MAX_DAYS_BACK))) {
                v.add("occurredAt", "intake.occurredAt.tooOld", MAX_DAYS_BACK);
            }
        }
        v.throwIfInvalid();
        LocalDate day = occurred.atZoneSameInstant(clock.getZone()).toLocalDate();
        LocalDate due = workingDays.addWorkingDays(actor.tenantId(), day, NORM_WORKING_DAYS);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into contact (id, tenant_id, site_id, channel, person_id, question, outcome, referred_to, minutes_spent,
                    occurred_at, occurred_on, registered_at, registered_by_id, registered_by, due_on, handled_at, handled_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(id, actor.tenantId(), c.siteId(), channel.name(), c.personId(), c.question().strip(), outcome.name(),
                        Texts.trimToNull(c.referredTo()), c.minutesSpent(), occurred, day, now, actor.userId(), actor.username(),
                        due, outcome.handledAtOnce() ? occurred : null, outcome.handledAtOnce() ? actor.username() : null)
                .update();
        for (Theme t : themes) {
            jdbc.sql("insert into contact_theme (tenant_id, contact_id, theme) values (?, ?, ?)")
                    .params(actor.tenantId(), id, t.name()).update();
        }
        audit.write(AuditLog.Action.CREATE, "CONTACT", id, c.personId() == null ? "anonymous" : "person=" + c.personId());
        return id;
    }

    /** One contact; not a read-only transaction, because the read is audited (PostgreSQL refuses the insert otherwise). */
    public Contact get(UUID id) {
        Actor actor = intakeActor();
        Contact c = select("where c.tenant_id = :tenant and c.id = :id", Map.of("tenant", actor.tenantId(), "id", id))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("Contact"));
        audit.write(AuditLog.Action.READ, "CONTACT", id, null);
        return c;
    }

    /** The front-desk day view: contacts of one day at one site (or all sites when {@code siteId} is null). */
    public List<Contact> day(LocalDate date, UUID siteId) {
        Actor actor = intakeActor();
        var params = new HashMap<String, Object>(Map.of("tenant", actor.tenantId(), "day", date));
        String where = "where c.tenant_id = :tenant and c.occurred_on = :day";
        if (siteId != null) {
            directory.site(siteId);
            where += " and c.site_id = :site";
            params.put("site", siteId);
        }
        List<Contact> list = select(where + " order by c.occurred_at", params);
        audit.write(AuditLog.Action.SEARCH, "CONTACT", null, "day=" + date + " site=" + siteId + " results=" + list.size());
        return list;
    }

    /** Open questions past their due date, oldest first: the team lead's overview of the 2-working-day norm. */
    public List<Contact> overdue() {
        Actor actor = intakeActor();
        if (!actor.has(Role.TEAM_LEAD)) {
            throw new NotFoundException("Contact");
        }
        List<Contact> list = select("where c.tenant_id = :tenant and c.handled_at is null and c.due_on < :today order by c.due_on, c.occurred_at",
                Map.of("tenant", actor.tenantId(), "today", LocalDate.now(clock)));
        audit.write(AuditLog.Action.SEARCH, "CONTACT", null, "overdue results=" + list.size());
        return list;
    }

    /** Open questions of a citizen, for the worker's lists. */
    public List<Contact> openOf(UUID personId) {
        Actor actor = intakeActor();
        List<Contact> list = select("where c.tenant_id = :tenant and c.person_id = :person and c.handled_at is null order by c.due_on",
                Map.of("tenant", actor.tenantId(), "person", personId));
        audit.write(AuditLog.Action.SEARCH, "CONTACT", null, "open of person=" + personId + " results=" + list.size());
        return list;
    }

    /** How many open questions each of these citizens has; no personal data, so not audited. */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> openCounts(Collection<UUID> personIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (personIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select person_id, count(*) as n from contact where tenant_id = :tenant and handled_at is null
                and person_id in (:ids) group by person_id""")
                .param("tenant", CurrentActor.get().tenantId()).param("ids", personIds)
                .query(rs -> {
                    counts.put(rs.getObject("person_id", UUID.class), rs.getInt("n"));
                });
        return counts;
    }

    /** Marks an open question handled; refused when someone changed the contact since it was loaded. */
    public void markHandled(UUID id, long version) {
        Actor actor = intakeActor();
        exists(actor, id);
        int rows = jdbc.sql("""
                update contact set handled_at = ?, handled_by = ?, version = version + 1
                where id = ? and tenant_id = ? and version = ? and handled_at is null""")
                .params(OffsetDateTime.now(clock), actor.username(), id, actor.tenantId(), version).update();
        if (rows == 0) {
            throw new StaleVersionException("Contact");
        }
        audit.write(AuditLog.Action.UPDATE, "CONTACT", id, "handled");
    }

    /**
     * A closing day was added or removed: open questions whose two working days span that day get their due
     * date computed again, so the overdue list follows the calendar (ADR 0200). Handled questions keep theirs.
     */
    @EventListener
    void closingDaysChanged(ClosingDaysChanged change) {
        List<LocalDate> days = jdbc.sql("""
                select distinct occurred_on from contact
                where tenant_id = ? and handled_at is null and occurred_on < ? and due_on >= ?""")
                .params(change.tenantId(), change.day(), change.day()).query(LocalDate.class).list();
        int moved = 0;
        for (LocalDate day : days) {
            moved += jdbc.sql("""
                    update contact set due_on = ? where tenant_id = ? and handled_at is null and occurred_on = ? and due_on >= ?""")
                    .params(workingDays.addWorkingDays(change.tenantId(), day, NORM_WORKING_DAYS), change.tenantId(), day, change.day())
                    .update();
        }
        if (moved > 0) {
            audit.write(AuditLog.Action.UPDATE, "CONTACT", null, "due dates computed again after closing day " + change.day()
                    + ": " + moved + " open questions");
        }
    }

    /** Records that a dossier was opened for (or the question added to) this contact; it is then handled. */
    public void linkDossier(UUID contactId, UUID dossierId) {
        Actor actor = CurrentActor.get();
        int rows = jdbc.sql("""
                update contact set dossier_id = ?, handled_at = coalesce(handled_at, ?), handled_by = coalesce(handled_by, ?),
                    version = version + 1 where id = ? and tenant_id = ?""")
                .params(dossierId, OffsetDateTime.now(clock), actor.username(), contactId, actor.tenantId()).update();
        if (rows == 0) {
            throw new NotFoundException("Contact");
        }
        audit.write(AuditLog.Action.UPDATE, "CONTACT", contactId, "dossier=" + dossierId);
    }

    private void exists(Actor actor, UUID id) {
        if (jdbc.sql("select count(*) from contact where id = ? and tenant_id = ?").params(id, actor.tenantId())
                .query(Long.class).single() == 0) {
            throw new NotFoundException("Contact");
        }
    }

    private static Actor intakeActor() {
        Actor actor = CurrentActor.get();
        if (!mayUse(actor)) {
            // Partners and others never learn that contacts exist.
            throw new NotFoundException("Contact");
        }
        return actor;
    }


    private OffsetDateTime parseMoment(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException notOffset) {
            try {
                // A form's datetime-local value has no offset: it is Brussels time.
                return ZonedDateTime.of(LocalDateTime.parse(t), clock.getZone()).toOffsetDateTime();
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    private List<Contact> select(String where, Map<String, ?> params) {
        List<Row> rows = jdbc.sql("select c.* from contact c " + where).params(params).query(Contacts::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID tenant = CurrentActor.get().tenantId();
        Map<UUID, List<Theme>> themes = new HashMap<>();
        List<UUID> ids = rows.stream().map(Row::id).toList();
        for (List<UUID> chunk : Chunks.of(ids, 1000)) {
            jdbc.sql("select contact_id, theme from contact_theme where tenant_id = :tenant and contact_id in (:ids)")
                    .param("tenant", tenant).param("ids", chunk)
                    .query(rs -> {
                        themes.computeIfAbsent(rs.getObject("contact_id", UUID.class), k -> new ArrayList<>())
                                .add(Theme.valueOf(rs.getString("theme")));
                    });
        }
        // Enum order (housing, water, energy, ...) reads better than alphabetical codes.
        themes.values().forEach(list -> list.sort(null));
        Map<UUID, String> names = people.names(rows.stream().map(Row::personId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
        return rows.stream().map(r -> new Contact(r.id, r.siteId, r.channel, r.personId,
                r.personId == null ? null : names.get(r.personId), themes.getOrDefault(r.id, List.of()), r.question, r.outcome,
                r.referredTo, r.minutesSpent, r.occurredAt, r.registeredBy, r.dueOn, r.handledAt, r.handledBy, r.dossierId,
                r.version)).toList();
    }

    private record Row(UUID id, UUID siteId, Channel channel, UUID personId, String question, Outcome outcome,
            String referredTo, Integer minutesSpent, OffsetDateTime occurredAt, String registeredBy, LocalDate dueOn,
            OffsetDateTime handledAt, String handledBy, UUID dossierId, long version) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class), Channel.valueOf(rs.getString("channel")),
                rs.getObject("person_id", UUID.class), rs.getString("question"), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("referred_to"), (Integer) rs.getObject("minutes_spent"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("registered_by"), rs.getObject("due_on", LocalDate.class), rs.getObject("handled_at", OffsetDateTime.class),
                rs.getString("handled_by"), rs.getObject("dossier_id", UUID.class), rs.getLong("version"));
    }
}

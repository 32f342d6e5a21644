package be.loket.person;

import be.loket.audit.AuditLog;
import be.loket.platform.Actor;
import be.loket.platform.Chunks;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import be.loket.platform.StaleVersionException;
import be.loket.platform.Texts;
import be.loket.platform.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households and who lives in them. A person is in one household at a time: joining another ends the
 * current membership on the day before, and past memberships stay as history.
 */
@Service
@Transactional
public class Households {

    public record MemberCommand(UUID personId, HouseholdRelation relation) {
    }

    public record Member(UUID personId, String name, LocalDate birthDate, HouseholdRelation relation, LocalDate from,
            LocalDate to) {
    }

    public record Household(UUID id, String name, long version, List<Member> members, List<Member> formerMembers) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Households(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public UUID create(String name, List<MemberCommand> members) {
        Actor actor = writer();
        validate(actor.tenantId(), name, members);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into household (id, tenant_id, name, version, created_at, created_by) values (?, ?, ?, 0, ?, ?)")
                .params(id, actor.tenantId(), Texts.trimToNull(name), OffsetDateTime.now(clock), actor.username()).update();
        for (MemberCommand m : members) {
            join(actor, id, m);
        }
        audit.write(AuditLog.Action.CREATE, "HOUSEHOLD", id, "members=" + members.size());
        return id;
    }

    /** Adds a person to an existing household (moving them out of their current one). */
    public void addMember(UUID householdId, long version, MemberCommand member) {
        Actor actor = writer();
        load(actor.tenantId(), householdId);
        validate(actor.tenantId(), "-", List.of(member));
        int rows = jdbc.sql("update household set version = version + 1 where id = ? and tenant_id = ? and version = ?")
                .params(householdId, actor.tenantId(), version).update();
        if (rows == 0) {
            throw new StaleVersionException("Household");
        }
        join(actor, householdId, member);
        audit.write(AuditLog.Action.UPDATE, "HOUSEHOLD", householdId, "added member " + member.personId() + " as " + member.relation());
    }

    /** The household a person lives in now, if any; audited as a read of the household. */
    @Transactional
    public Optional<Household> currentOf(UUID personId) {
        Actor actor = CurrentActor.get();
        Optional<UUID> id = jdbc.sql("select household_id from household_member where tenant_id = ? and person_id = ? and valid_to is null")
                .params(actor.tenantId(), personId).query(UUID.class).optional();
        return id.map(this::get);
    }

    /**
     * The household each of these citizens lives in now, by citizen (those without one left out): one
     * query per thousand citizens, e.g. to record a partner list's facts about their households. Audited
     * as one read per query; only the link is read, not the members.
     */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, UUID> currentIdsOf(java.util.Collection<UUID> personIds) {
        Actor actor = CurrentActor.get();
        if (actor.roles().stream().noneMatch(Role::isOwnService)) {
            throw new AccessDeniedException("Households are read by the own services only");
        }
        List<UUID> ids = List.copyOf(new java.util.LinkedHashSet<>(personIds));
        java.util.Map<UUID, UUID> households = new java.util.HashMap<>();
        for (List<UUID> chunk : Chunks.of(ids, 1000)) {
            jdbc.sql("""
                            select person_id, household_id from household_member
                            where tenant_id = :tenant and person_id in (:ids) and valid_to is null""")
                    .param("tenant", actor.tenantId()).param("ids", chunk)
                    .query(rs -> {
                        households.put(rs.getObject("person_id", UUID.class), rs.getObject("household_id", UUID.class));
                    });
            audit.write(AuditLog.Action.READ, "HOUSEHOLD", null, "current household of persons=" + chunk.size());
        }
        return households;
    }

    public Household get(UUID id) {
        Actor actor = CurrentActor.get();
        if (actor.roles().stream().noneMatch(Role::isOwnService)) {
            throw new NotFoundException("Household");
        }
        var h = load(actor.tenantId(), id);
        List<Member> all = jdbc.sql("""
                        select m.*, p.first_name, p.last_name, p.birth_date from household_member m join person p on p.id = m.person_id
                        where m.tenant_id = ? and m.household_id = ? order by p.birth_date""")
                .params(actor.tenantId(), id)
                .query((rs, i) -> new Member(rs.getObject("person_id", UUID.class),
                        rs.getString("first_name") + " " + rs.getString("last_name"), rs.getObject("birth_date", LocalDate.class),
                        HouseholdRelation.valueOf(rs.getString("relation")), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
        audit.write(AuditLog.Action.READ, "HOUSEHOLD", id, null);
        // The members' names and birth dates were read too: their own trails must show it (ADR 0011).
        audit.writeAbout(AuditLog.Action.READ, "PERSON", all.stream().map(Member::personId).toList(), "as member of household " + id);
        // Reference person first, then partner, children, ...; the eldest first within a relation.
        var byRelation = java.util.Comparator.comparing(Member::relation);
        return new Household(id, h.name, h.version, all.stream().filter(m -> m.to() == null).sorted(byRelation).toList(),
                all.stream().filter(m -> m.to() != null).sorted(java.util.Comparator.comparing(Member::to).reversed()).toList());
    }

    private record Row(String name, long version) {
    }

    private Row load(UUID tenant, UUID id) {
        return jdbc.sql("select name, version from household where id = ? and tenant_id = ?").params(id, tenant)
                .query((rs, i) -> new Row(rs.getString("name"), rs.getLong("version"))).optional()
                .orElseThrow(() -> new NotFoundException("Household"));
    }

    /** Moves the person into the household; audited on the person, so their own trail shows every move. */
    private void join(Actor actor, UUID householdId, MemberCommand m) {
        LocalDate today = LocalDate.now(clock);
        Optional<UUID> left = jdbc.sql("select household_id from household_member where tenant_id = ? and person_id = ? and valid_to is null")
                .params(actor.tenantId(), m.personId()).query(UUID.class).optional();
        // Leaving the current household: the membership ends yesterday, or is removed if it began today.
        jdbc.sql("delete from household_member where tenant_id = ? and person_id = ? and valid_to is null and valid_from = ?")
                .params(actor.tenantId(), m.personId(), today).update();
        jdbc.sql("update household_member set valid_to = ? where tenant_id = ? and person_id = ? and valid_to is null")
                .params(today.minusDays(1), actor.tenantId(), m.personId()).update();
        jdbc.sql("""
                insert into household_member (id, tenant_id, household_id, person_id, relation, valid_from, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), actor.tenantId(), householdId, m.personId(), m.relation().name(), today,
                        OffsetDateTime.now(clock), actor.username())
                .update();
        audit.write(AuditLog.Action.UPDATE, "PERSON", m.personId(), "household " + householdId + " joined as " + m.relation()
                + left.filter(old -> !old.equals(householdId)).map(old -> ", left household " + old).orElse(""));
    }

    private void validate(UUID tenant, String name, List<MemberCommand> members) {
        var v = new Validation().maxLength("name", name, 200);
        if (members == null || members.isEmpty()) {
            v.add("members", "household.members.required");
        } else {
            var seen = new HashSet<UUID>();
            for (int i = 0; i < members.size(); i++) {
                MemberCommand m = members.get(i);
                String field = "members[" + i + "]";
                if (m == null || m.personId() == null) {
                    v.add(field + ".personId", "validation.required");
                    continue;
                }
                if (m.relation() == null) {
                    v.add(field + ".relation", "validation.required");
                }
                if (!seen.add(m.personId())) {
                    v.add(field + ".personId", "household.members.duplicate");
                } else if (jdbc.sql("select count(*) from person where id = ? and tenant_id = ?").params(m.personId(), tenant)
                        .query(Long.class).single() == 0) {
                    // Another municipality's citizen is as unknown as one that never existed: no hint either way.
                    throw new NotFoundException("Person");
                }
            }
        }
        v.throwIfInvalid();
    }

    private static Actor writer() {
        Actor actor = CurrentActor.get();
        if (!actor.hasAny(Role.FRONT_DESK, Role.SOCIAL_WORKER, Role.SPECIALIST, Role.TEAM_LEAD)) {
            throw new AccessDeniedException("household write");
        }
        return actor;
    }
}

package be.loket.outreach;

import be.loket.audit.AuditLog;
import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import be.loket.platform.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What partner lists told about a citizen, for the rights engine and the citizen's page. Reads are
 * scoped to the acting user's municipality and audited; partners' own users never read them.
 */
@Service
@Transactional
public class PartnerFacts {
    private final JdbcClient jdbc;
    private final AuditLog audit;

    PartnerFacts(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Every fact about the person or the household they were in when the list came, newest first. */
    public List<PartnerFact> factsFor(UUID personId) {
        UUID tenant = tenant();
        List<PartnerFact> facts = jdbc.sql("""
                        select * from outreach_fact where tenant_id = ? and person_id = ?
                        order by valid_on desc, recorded_at desc, fact_name""")
                .params(tenant, personId).query(PartnerFacts::fact).list();
        audit.write(AuditLog.Action.READ, "PERSON", personId, "partner facts=" + facts.size());
        return facts;
    }

    /** The latest value of each fact about the person: what the rights engine uses. */
    public Map<String, PartnerFact> latestFor(UUID personId) {
        Map<String, PartnerFact> latest = new LinkedHashMap<>();
        for (PartnerFact f : factsFor(personId)) {
            latest.putIfAbsent(f.name(), f);
        }
        return latest;
    }

    /** Every fact recorded on a household, newest first. */
    public List<PartnerFact> factsForHousehold(UUID householdId) {
        UUID tenant = tenant();
        List<PartnerFact> facts = new ArrayList<>(jdbc.sql("""
                        select * from outreach_fact where tenant_id = ? and household_id = ?
                        order by valid_on desc, recorded_at desc, fact_name""")
                .params(tenant, householdId).query(PartnerFacts::fact).list());
        audit.write(AuditLog.Action.READ, "HOUSEHOLD", householdId, "partner facts=" + facts.size());
        return facts;
    }

    /** Citizens who got facts on or after a day: the rights engine re-evaluates them after an import. */
    @Transactional(readOnly = true)
    public List<UUID> personsWithFactsSince(LocalDate day) {
        return jdbc.sql("select distinct person_id from outreach_fact where tenant_id = ? and recorded_at >= ?")
                .params(tenant(), day.atStartOfDay(Times.ZONE).toOffsetDateTime())
                .query(UUID.class).list();
    }

    private static UUID tenant() {
        Actor actor = CurrentActor.get();
        if (!actor.hasAny(Role.SOCIAL_WORKER, Role.SPECIALIST, Role.TEAM_LEAD)) {
            throw new NotFoundException("Partner facts");
        }
        return actor.tenantId();
    }

    static PartnerFact fact(ResultSet rs, int row) throws SQLException {
        return new PartnerFact(rs.getString("fact_name"), rs.getString("fact_value"), rs.getObject("person_id", UUID.class),
                rs.getObject("household_id", UUID.class), rs.getObject("partner_id", UUID.class),
                ListType.valueOf(rs.getString("list_type")), rs.getObject("import_id", UUID.class),
                rs.getObject("valid_on", LocalDate.class), rs.getObject("recorded_at", OffsetDateTime.class));
    }
}

package be.loket.campaigns.internal;

import be.loket.audit.AuditLog;
import be.loket.platform.Actor;
import be.loket.platform.Times;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What works in this municipality (seed 001). Per method and per letter variant the base is everyone the team
 * assigned it (reached or applied by any of their attempts); per weekday and time slot the base is the
 * attempts made then (reached or applied by an attempt in that slot). See ADR 0703.
 */
@Service
@Transactional // not read-only: the report is audited
public class Effectiveness {

    /** One line of a table: a group, how many people and attempts, and how many of the people were reached and applied. */
    public record Line(String group, int people, int attempts, int reached, int applied) {
        public int reachedPercent() {
            return percent(reached, people);
        }

        public int appliedPercent() {
            return percent(applied, people);
        }

        static int percent(int part, int whole) {
            return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
        }
    }

    /** The four tables; group names are enum names or variant names, translated by the page. */
    public record Report(List<Line> byMethod, List<Line> byVariant, List<Line> byWeekday, List<Line> bySlot, int campaigns) {
    }

    private record Row(UUID member, String method, String variant, UUID attempt, Integer weekday, String slot, String outcome) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Effectiveness(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** For the tenant, optionally one campaign, optionally campaigns started in a period (dates inclusive). */
    public Report report(UUID campaignId, LocalDate from, LocalDate to) {
        Actor actor = CampaignAccess.worker();
        ZoneId zone = Times.ZONE;
        StringBuilder where = new StringBuilder("c.tenant_id = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", actor.tenantId());
        if (campaignId != null) {
            where.append(" and c.id = :campaign");
            params.put("campaign", campaignId);
        }
        if (from != null) {
            where.append(" and c.created_at >= :from");
            params.put("from", from.atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            where.append(" and c.created_at < :to");
            params.put("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        List<Row> rows = jdbc.sql("""
                        select m.id as member_id, m.method as member_method, m.variant, c.variants, a.id as attempt_id, a.method,
                          a.weekday, a.time_slot, a.outcome
                        from campaign c
                        join campaign_member m on m.campaign_id = c.id and m.tenant_id = c.tenant_id
                        left join campaign_attempt a on a.member_id = m.id and a.tenant_id = m.tenant_id
                        where """ + " " + where + " order by c.created_at, m.position, a.attempted_on")
                .params(params)
                .query((rs, n) -> {
                    Integer variant = (Integer) rs.getObject("variant");
                    String variants = rs.getString("variants");
                    String[] names = variants == null ? new String[0] : variants.split("\n");
                    return new Row(rs.getObject("member_id", UUID.class), rs.getString("member_method"),
                            variant == null || variant >= names.length ? null : names[variant], rs.getObject("attempt_id", UUID.class),
                            (Integer) rs.getObject("weekday"), rs.getString("time_slot"), rs.getString("outcome"));
                })
                .list();
        int campaigns = jdbc.sql("select count(*) from campaign c where " + where).params(params).query(Integer.class).single();
        audit.write(AuditLog.Action.SEARCH, Campaigns.AUDIT_CAMPAIGN, campaignId, "effectiveness from=" + from + " to=" + to);
        List<String> methods = java.util.Arrays.stream(ContactMethod.values()).map(Enum::name).toList();
        List<String> days = java.util.Arrays.stream(DayOfWeek.values()).map(Enum::name).toList();
        List<String> slots = java.util.Arrays.stream(TimeSlot.values()).map(Enum::name).toList();
        return new Report(byPerson(rows, Row::method, methods), byPerson(rows, Row::variant, List.of()),
                byAttempt(rows, r -> r.weekday() == null ? null : DayOfWeek.of(r.weekday()).name(), days),
                byAttempt(rows, Row::slot, slots), campaigns);
    }

    /** People grouped by something the team chose for them; everything their attempts achieved counts. */
    private static List<Line> byPerson(List<Row> rows, Function<Row, String> group, List<String> order) {
        Map<String, Tally> tallies = tallies(order);
        for (Row r : rows) {
            String g = group.apply(r);
            if (g == null) {
                continue;
            }
            Tally t = tallies.computeIfAbsent(g, k -> new Tally());
            t.count(r);
        }
        return lines(tallies);
    }

    /** Attempts grouped by when they were made; only what was achieved in that group counts. */
    private static List<Line> byAttempt(List<Row> rows, Function<Row, String> group, List<String> order) {
        Map<String, Tally> tallies = tallies(order);
        for (Row r : rows) {
            if (r.attempt() == null) {
                continue;
            }
            tallies.computeIfAbsent(group.apply(r), k -> new Tally()).count(r);
        }
        return lines(tallies);
    }

    private static Map<String, Tally> tallies(List<String> order) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        order.forEach(g -> tallies.put(g, new Tally()));
        return tallies;
    }

    private static List<Line> lines(Map<String, Tally> tallies) {
        List<Line> lines = new ArrayList<>();
        tallies.forEach((g, t) -> lines.add(new Line(g, t.people.size(), t.attempts, t.reached.size(), t.applied.size())));
        return lines;
    }

    private static final class Tally {
        final Set<UUID> people = new HashSet<>();
        final Set<UUID> reached = new HashSet<>();
        final Set<UUID> applied = new HashSet<>();
        int attempts;

        void count(Row r) {
            people.add(r.member());
            if (r.attempt() == null) {
                return;
            }
            attempts++;
            Outcome o = Outcome.valueOf(r.outcome());
            if (o.reached()) {
                reached.add(r.member());
            }
            if (o.applied()) {
                applied.add(r.member());
            }
        }
    }
}

package be.loket.outreach.internal;

import static be.loket.outreach.FactNames.*;

import be.loket.outreach.ListType;
import be.loket.person.Households;
import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.MultiRowInsert;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records what a matched row says as facts about the citizen and their current household, each with its
 * source (import, partner, list type) and the day the list was valid on. Facts are only added, never
 * changed: a newer list gives newer facts.
 */
@Component
class FactRecorder {
    private final JdbcTemplate jdbc;
    private final Households households;
    private final Clock clock;

    FactRecorder(JdbcTemplate jdbc, Households households, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.clock = clock;
    }

    /** The facts a row of this list type gives, by pinned name. */
    static Map<String, String> facts(ListType type, Map<ListField, Object> v) {
        Map<String, String> facts = new LinkedHashMap<>();
        switch (type) {
            case WAITING_LIST -> {
                facts.put(ON_SOCIAL_HOUSING_WAITING_LIST, String.valueOf(v.getOrDefault(ListField.REGISTERED, Boolean.TRUE)));
                facts.put(OWNS_REAL_ESTATE, String.valueOf(!(Boolean) v.get(ListField.NO_REAL_ESTATE)));
                facts.put(RECEIVES_FLEMISH_RENT_PREMIUM, String.valueOf(!(Boolean) v.get(ListField.NO_RENT_PREMIUM)));
                monthlyRent(v, facts);
            }
            case RENT_ARREARS -> {
                monthlyRent(v, facts);
                facts.put(RENT_ARREARS_AMOUNT, v.get(ListField.ARREARS_AMOUNT).toString());
                facts.put(RENT_ARREARS_MONTHS, v.get(ListField.MONTHS_IN_ARREARS).toString());
            }
            case WATER_ARREARS -> facts.put(WATER_ARREARS_AMOUNT, v.get(ListField.ARREARS_AMOUNT).toString());
        }
        return facts;
    }

    private static void monthlyRent(Map<ListField, Object> v, Map<String, String> facts) {
        if (v.get(ListField.MONTHLY_RENT) != null) {
            facts.put(MONTHLY_RENT, v.get(ListField.MONTHLY_RENT).toString());
        }
    }

    static final String TABLE = "outreach_fact";
    static final List<String> COLUMNS = List.of("id", "tenant_id", "person_id", "household_id", "fact_name", "fact_value", "import_id",
            "row_id", "partner_id", "list_type", "valid_on", "recorded_at", "recorded_by");

    /** Records the row's facts about the citizen now (a reviewed match: one row at a time). */
    int record(StoredRow row, UUID personId, LocalDate validOn) {
        UUID household = households.currentIdsOf(List.of(personId)).get(personId);
        MultiRowInsert insert = new MultiRowInsert(TABLE, COLUMNS, 50);
        rows(row, personId, household, validOn).forEach(insert::add);
        return insert.flush(jdbc);
    }

    /** The citizens' current households, looked up together for a chunk of matched rows. */
    Map<UUID, UUID> householdsOf(Collection<UUID> personIds) {
        return households.currentIdsOf(personIds);
    }

    /** The insert parameters of the row's facts about the citizen living in this household (or none). */
    List<Object[]> rows(StoredRow row, UUID personId, UUID household, LocalDate validOn) {
        Actor actor = CurrentActor.get();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> rows = new ArrayList<>();
        facts(row.listType(), row.values()).forEach((name, value) -> rows.add(new Object[] {UUID.randomUUID(), actor.tenantId(), personId,
                household, name, value, row.importId(), row.id(), row.partnerId(), row.listType().name(), validOn, now, actor.username()}));
        return rows;
    }
}

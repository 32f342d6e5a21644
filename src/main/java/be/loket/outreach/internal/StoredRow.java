package be.loket.outreach.internal;

import be.loket.outreach.ListType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** An imported row as stored, with its match state; its values round-trip through a small text form. */
public record StoredRow(UUID id, UUID importId, UUID partnerId, ListType listType, int line, Map<ListField, Object> values,
        MatchStatus status, UUID personId, UUID candidateId, BigDecimal score) {

    public enum MatchStatus { MATCHED, REVIEW, UNMATCHED, CONFIRMED, CREATED, DISMISSED }

    public String name() {
        return values.getOrDefault(ListField.FIRST_NAME, "") + " " + values.getOrDefault(ListField.LAST_NAME, "");
    }

    public Object value(String field) {
        return values.get(ListField.valueOf(field));
    }

    public RowChecker.ParsedRow parsed() {
        return new RowChecker.ParsedRow(line, values, null);
    }

    static String encode(Map<ListField, Object> values) {
        return values.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue().toString().replace('\n', ' '))
                .collect(Collectors.joining("\n"));
    }

    static Map<ListField, Object> decode(String data) {
        Map<ListField, Object> values = new EnumMap<>(ListField.class);
        for (String line : data.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            ListField f = ListField.valueOf(line.substring(0, eq));
            String v = line.substring(eq + 1);
            values.put(f, switch (f.kind()) {
                case DATE -> LocalDate.parse(v);
                case AMOUNT -> new BigDecimal(v);
                case WHOLE_NUMBER -> Integer.valueOf(v);
                case YES_NO -> Boolean.valueOf(v);
                default -> v;
            });
        }
        return values;
    }

    static StoredRow of(ResultSet rs, int i) throws SQLException {
        return new StoredRow(rs.getObject("id", UUID.class), rs.getObject("import_id", UUID.class),
                rs.getObject("partner_id", UUID.class), ListType.valueOf(rs.getString("list_type")), rs.getInt("line_no"),
                decode(rs.getString("data")), MatchStatus.valueOf(rs.getString("match_status")),
                rs.getObject("person_id", UUID.class), rs.getObject("candidate_id", UUID.class), rs.getBigDecimal("match_score"));
    }
}

package be.loket.platform;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows of one table at once, in the calling transaction (ADR 0010). On PostgreSQL the rows
 * go through {@code COPY ... FROM STDIN}, the fastest way in; elsewhere (H2) as
 * {@code insert ... values (...), (...), ...} with a few hundred rows per statement. Both are several
 * times faster than a JDBC batch of single-row inserts, which PostgreSQL's driver sends as separate
 * statements unless the operator remembered {@code reWriteBatchedInserts} in the URL.
 */
public final class MultiRowInsert {
    private static final int MAX_PARAMETERS = 30_000;
    private final String table;
    private final List<String> columns;
    private final int rowsPerStatement;
    private final List<Object[]> pending = new ArrayList<>();

    /**
     * @param table the table
     * @param columns its columns, in the order {@link #add} gives the values
     * @param rowsPerStatement rows per insert statement where COPY is not available
     */
    public MultiRowInsert(String table, List<String> columns, int rowsPerStatement) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A row needs at least one column");
        }
        this.table = table;
        this.columns = List.copyOf(columns);
        this.rowsPerStatement = Math.max(1, Math.min(rowsPerStatement, MAX_PARAMETERS / columns.size()));
    }

    /**
     * Queues one row; its values in the order of the columns: text, numbers, booleans, UUIDs, dates and
     * times, enums (written by name) or null. Anything else is refused here, not written as its
     * {@code toString()} by one database and as a binary value by the other.
     */
    public void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("Expected " + columns.size() + " values, got " + values.length);
        }
        Object[] row = values.clone();
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v instanceof Enum<?> e) {
                row[i] = e.name();
            } else if (!(v == null || v instanceof CharSequence || v instanceof Number || v instanceof Boolean
                    || v instanceof java.util.UUID || v instanceof java.time.temporal.Temporal)) {
                throw new IllegalArgumentException("Column " + columns.get(i) + ": unsupported value type " + v.getClass().getName());
            }
        }
        pending.add(row);
    }

    public int size() {
        return pending.size();
    }

    /** Writes every queued row and forgets them; returns how many were written. */
    public int flush(JdbcTemplate jdbc) {
        if (pending.isEmpty()) {
            return 0;
        }
        int written = jdbc.execute((ConnectionCallback<Integer>) con -> con.isWrapperFor(PGConnection.class) ? copy(con) : insert(con));
        pending.clear();
        return written;
    }

    private int copy(Connection con) throws SQLException {
        StringBuilder csv = new StringBuilder(pending.size() * 64 * columns.size());
        for (Object[] row : pending) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csvValue(csv, row[i]);
            }
            csv.append('\n');
        }
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format csv)";
        try {
            return (int) con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    /** CSV as PostgreSQL's COPY reads it: an empty unquoted field is NULL, text is quoted (so "" is an empty string). */
    static void csvValue(StringBuilder csv, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof java.util.UUID || v instanceof java.time.temporal.Temporal) {
            csv.append(v instanceof BigDecimal d ? d.toPlainString() : v.toString());
            return;
        }
        String s = v.toString();
        csv.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        csv.append('"');
    }

    private int insert(Connection con) throws SQLException {
        String tuple = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        String head = "insert into " + table + " (" + String.join(", ", columns) + ") values ";
        int written = 0;
        for (int from = 0; from < pending.size(); from += rowsPerStatement) {
            List<Object[]> group = pending.subList(from, Math.min(pending.size(), from + rowsPerStatement));
            try (PreparedStatement ps = con.prepareStatement(head + String.join(", ", Collections.nCopies(group.size(), tuple)))) {
                int i = 1;
                for (Object[] row : group) {
                    for (Object v : row) {
                        // An untyped NULL: the column gives the type; asking the driver for it would cost a round trip.
                        if (v == null) {
                            ps.setNull(i++, Types.NULL);
                        } else {
                            ps.setObject(i++, v);
                        }
                    }
                }
                written += ps.executeUpdate();
            }
        }
        return written;
    }
}

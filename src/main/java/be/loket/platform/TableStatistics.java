package be.loket.platform;

import java.util.regex.Pattern;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshes the planner's statistics of tables that just grew a lot. After a first big import the
 * statistics still describe an empty table until autovacuum catches up, and PostgreSQL then plans the
 * next queries on it (the rights evaluation right after the import) as scans of a tiny table.
 */
public final class TableStatistics {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private TableStatistics() {
    }

    public static void refresh(JdbcTemplate jdbc, String... tables) {
        for (String table : tables) {
            if (!NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("Not a table name: " + table);
            }
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            boolean postgres = con.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            try (var statement = con.createStatement()) {
                for (String table : tables) {
                    statement.execute(postgres ? "analyze " + table : "analyze table " + table);
                }
            }
            return null;
        });
    }
}

package be.loket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** What {@link MultiRowInsert} writes must read back exactly, on H2 (multi-row insert) and PostgreSQL (COPY); statistics refresh on both. */
abstract class MultiRowInsertContract {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void writesEveryKindOfValueExactlyAndNullsAsNull() {
        jdbc.execute("drop table if exists multi_row_probe");
        jdbc.execute("""
                create table multi_row_probe (id uuid primary key, quantity integer, amount numeric(12, 2), valid_on date,
                    recorded_at timestamp with time zone, active boolean, label varchar(200))""");
        UUID first = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 23, 9, 30, 15, 123_000_000, ZoneOffset.ofHours(1));
        String awkward = "Quote \" comma, semicolon; new\nline, back\\slash, accent é, euro €";
        MultiRowInsert insert = new MultiRowInsert("multi_row_probe", List.of("id", "quantity", "amount", "valid_on", "recorded_at", "active", "label"), 7);
        insert.add(first, 42, new BigDecimal("1020.40"), LocalDate.of(1988, 12, 1), at, true, awkward);
        insert.add(UUID.randomUUID(), null, null, null, null, null, null);
        insert.add(UUID.randomUUID(), 0, BigDecimal.ZERO, LocalDate.of(2000, 2, 29), at, false, "");
        insert.add(UUID.randomUUID(), 99, null, null, null, null, java.time.DayOfWeek.MONDAY);
        for (int i = 0; i < 20; i++) {
            insert.add(UUID.randomUUID(), i, BigDecimal.valueOf(i), null, null, null, "row " + i);
        }

        int written = tx.execute(status -> insert.flush(jdbc));

        assertThat(written).isEqualTo(24);
        assertThat(jdbc.queryForObject("select label from multi_row_probe where quantity = 99", String.class)).isEqualTo("MONDAY");
        assertThat(insert.size()).isZero();
        var row = jdbc.queryForMap("select * from multi_row_probe where id = ?", first);
        assertThat(((Number) row.get("quantity")).intValue()).isEqualTo(42);
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("1020.40");
        assertThat(jdbc.queryForObject("select valid_on from multi_row_probe where id = ?", LocalDate.class, first)).isEqualTo(LocalDate.of(1988, 12, 1));
        assertThat(jdbc.queryForObject("select recorded_at from multi_row_probe where id = ?", OffsetDateTime.class, first).toInstant())
                .isEqualTo(at.toInstant());
        assertThat(row.get("active")).isEqualTo(true);
        assertThat(row.get("label")).isEqualTo(awkward);
        assertThat(jdbc.queryForObject("select count(*) from multi_row_probe where quantity is null and amount is null and valid_on is null and recorded_at is null"
                + " and active is null and label is null", Long.class)).isEqualTo(1);
        // An empty text stays an empty text, not a NULL.
        assertThat(jdbc.queryForObject("select count(*) from multi_row_probe where label = ''", Long.class)).isEqualTo(1);
        jdbc.execute("drop table multi_row_probe");
    }

    @Test
    void refreshesTableStatisticsInThisDatabasesDialectAndRefusesWhatIsNotATableName() {
        TableStatistics.refresh(jdbc, "person", "outreach_fact");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TableStatistics.refresh(jdbc, "person; drop table person"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isPositive();
    }

    @Test
    void refusesARowOfTheWrongWidthOrAValueOfAnUnsupportedType() {
        MultiRowInsert insert = new MultiRowInsert("multi_row_probe", List.of("id", "quantity"), 10);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> insert.add(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
        // A value the two databases would write differently is refused, not written as "[B@1b6d3586".
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> insert.add(UUID.randomUUID(), new byte[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
        assertThat(insert.flush(jdbc)).isZero();
    }
}

package be.loket.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks up demo records by their fictitious names, so tests do not hard-code generated ids. */
public final class DemoRecords {
    private DemoRecords() {
    }

    public static UUID tenant(JdbcClient jdbc, String code) {
        return jdbc.sql("select id from tenant where code = ?").param(code).query(UUID.class).single();
    }

    /** The showcase citizen of Demodorp: Ayşe Öztürk, born 1984-03-12. */
    public static UUID showcasePerson(JdbcClient jdbc) {
        return jdbc.sql("select p.id from person p join tenant t on t.id = p.tenant_id where t.code = 'demodorp'"
                + " and p.first_name = 'Ayşe' and p.last_name = 'Öztürk' and p.birth_date = date '1984-03-12'")
                .query(UUID.class).single();
    }

    public static UUID anyPerson(JdbcClient jdbc, String tenantCode) {
        return jdbc.sql("select p.id from person p join tenant t on t.id = p.tenant_id where t.code = ? order by p.search_name limit 1")
                .param(tenantCode).query(UUID.class).single();
    }

    public static UUID user(JdbcClient jdbc, String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
    }
}

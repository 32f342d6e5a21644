package be.loket.platform;

import be.loket.support.LoketPostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** db-scheduler plans Loket's jobs on PostgreSQL too, in the table Flyway made. */
@LoketPostgresTest
class ScheduledJobsPostgresTests {
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyJobIsPlannedOnceInTheSchedulerTable() {
        ScheduledJobsTests.assertJobsPlanned(jdbc);
    }
}

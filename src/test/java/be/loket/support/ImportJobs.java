package be.loket.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Partner lists are imported by background jobs; tests wait for the job to finish. */
public final class ImportJobs {
    private ImportJobs() {
    }

    /** Waits up to a minute for the job to leave QUEUED/RUNNING; returns its final state. */
    public static String await(JdbcClient jdbc, UUID job) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            String state = jdbc.sql("select state from outreach_import_job where id = ?").param(job).query(String.class).single();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return state;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import job " + job + " still running after a minute");
    }
}

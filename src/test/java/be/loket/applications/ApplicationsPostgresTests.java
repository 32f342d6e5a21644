package be.loket.applications;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.support.LoketPostgresTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The same story on a real PostgreSQL: migrations, decision, grant, payment list and the single reminder. */
@LoketPostgresTest
class ApplicationsPostgresTests extends ApplicationTestBase {
    @Autowired
    Payments payments;
    @Autowired
    Reminders reminders;

    @Test
    void grantPaymentListAndReminderOnPostgres() {
        UUID id = fx.readyApplication(fx.freshPerson());
        fx.run("demo-teamlead", () -> applications.decide(id, fx.version(id),
                new Decide("GRANTED", "70.00", "2030-01-01", "2030-12-31", null, null, null, null)));
        UUID grant = fx.as("demo-teamlead", () -> applications.get(id)).grant().id();
        PaymentList january = fx.as("demo-teamlead", () -> payments.list("huurtoelage", YearMonth.of(2030, 1)));
        assertThat(january.lines()).extracting(PaymentList.Line::grantId).contains(grant);
        reminders.run(LocalDate.of(2030, 1, 20));
        reminders.run(LocalDate.of(2030, 1, 21));
        assertThat(jdbc.sql("select count(*) from grant_reminder where grant_id = ? and kind = 'MONTHLY_PROOF'").param(grant)
                .query(Long.class).single()).isEqualTo(1);
    }
}

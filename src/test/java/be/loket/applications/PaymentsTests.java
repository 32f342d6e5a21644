package be.loket.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.platform.NotFoundException;
import be.loket.support.LoketTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The finance department's monthly list: every grant running in the month, one payment day, totals. */
@LoketTest
class PaymentsTests extends ApplicationTestBase {
    @Autowired
    Payments payments;

    UUID granted(String from, String until, String amount) {
        UUID id = fx.readyApplication(fx.freshPerson());
        fx.run("demo-teamlead", () -> applications.decide(id, fx.version(id),
                new Decide("GRANTED", amount, from, until, null, null, null, null)));
        return fx.as("demo-teamlead", () -> applications.get(id)).grant().id();
    }

    @Test
    void theJanuaryListContainsTheGrantsThatRunInJanuaryPaidOnOneDayWithTotals() {
        UUID january = granted("2027-01-01", "2027-12-31", "70.00");
        UUID alsoJanuary = granted("2026-12-01", "2027-01-31", "90");
        UUID endedInDecember = granted("2026-06-01", "2026-12-31", "45.50");

        PaymentList list = fx.as("demo-teamlead", () -> payments.list("huurtoelage", YearMonth.of(2027, 1)));
        assertThat(list.lines()).extracting(PaymentList.Line::grantId).contains(january, alsoJanuary).doesNotContain(endedInDecember);
        assertThat(list.lines()).filteredOn(l -> l.grantId().equals(january)).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("70.00"));
        // 15 January 2027 is a Friday: everyone is paid that day.
        assertThat(list.paymentDay()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(list.total()).isEqualByComparingTo(list.lines().stream().map(PaymentList.Line::amount)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        assertThat(list.total().scale()).isEqualTo(2);

        String csv = fx.as("demo-teamlead", () -> payments.csv("huurtoelage", YearMonth.of(2027, 1)));
        String[] rows = csv.split("\r\n");
        assertThat(rows[0]).isEqualTo("payment_day;right;month;national_number;name;amount");
        assertThat(rows).anyMatch(r -> r.startsWith("2027-01-15;huurtoelage;2027-01;") && r.endsWith(";70.00"));
        assertThat(rows[rows.length - 1]).isEqualTo("2027-01-15;huurtoelage;2027-01;TOTAL;" + list.count() + ";"
                + list.total().toPlainString());
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'PAYMENT_LIST' and action = 'EXPORT'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);

        // Social workers do not export payment lists.
        assertThatThrownBy(() -> fx.as("demo-socialworker", () -> payments.list("huurtoelage", YearMonth.of(2027, 1))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void cellsThatCouldRunAsFormulasAreDefused() {
        assertThat(Payments.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Payments.cell("Van den Broeck; Kobe")).isEqualTo("\"Van den Broeck; Kobe\"");
        assertThat(Payments.cell("Öztürk")).isEqualTo("Öztürk");
    }
}

package be.loket.applications;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** What the finance department pays for one right in one month, all on the same payment day. */
public record PaymentList(String rightId, YearMonth month, LocalDate paymentDay, List<Line> lines, BigDecimal total) {

    public record Line(UUID grantId, UUID personId, String name, String nationalNumber, BigDecimal amount, LocalDate grantFrom,
            LocalDate grantUntil) {
    }

    public int count() {
        return lines.size();
    }
}

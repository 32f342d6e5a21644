package be.loket.applications;

import be.loket.audit.AuditLog;
import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import be.loket.platform.calendar.WorkingDays;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly payment list of a right for the finance department: every grant that runs in the month,
 * paid on one fixed day (moved to the next working day when the office is closed), with the total.
 * Team leads and administrators export it; every export is audited.
 */
@Service
@Transactional
public class Payments {
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final WorkingDays workingDays;
    private final int paymentDay;

    Payments(JdbcClient jdbc, AuditLog audit, WorkingDays workingDays, @Value("${loket.applications.payment-day:15}") int paymentDay) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.workingDays = workingDays;
        this.paymentDay = Math.max(1, Math.min(28, paymentDay));
    }

    public static boolean mayExport(Actor actor) {
        return actor.hasAny(Role.TEAM_LEAD, Role.ADMIN);
    }

    public PaymentList list(String rightId, YearMonth month) {
        Actor actor = CurrentActor.get();
        if (!mayExport(actor)) {
            throw new NotFoundException("Payment list");
        }
        LocalDate day = month.atDay(paymentDay);
        while (!workingDays.isWorkingDay(actor.tenantId(), day)) {
            day = day.plusDays(1);
        }
        List<PaymentList.Line> lines = jdbc.sql("""
                        select g.id, g.person_id, g.monthly_amount, g.period_from, g.period_until, p.first_name, p.last_name, p.insz
                        from granted_right g join person p on p.id = g.person_id and p.tenant_id = g.tenant_id
                        where g.tenant_id = ? and g.right_id = ? and g.status = 'ACTIVE' and g.period_from <= ? and g.period_until >= ?
                        order by p.last_name, p.first_name, g.id""")
                .params(actor.tenantId(), rightId, month.atEndOfMonth(), month.atDay(1))
                .query((rs, n) -> new PaymentList.Line(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("insz"),
                        rs.getBigDecimal("monthly_amount").setScale(2), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_until", LocalDate.class)))
                .list();
        BigDecimal total = lines.stream().map(PaymentList.Line::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        audit.write(AuditLog.Action.EXPORT, "PAYMENT_LIST", null, rightId + " " + month + " lines=" + lines.size() + " total=" + total);
        return new PaymentList(rightId, month, day, lines, total);
    }

    /**
     * The list as CSV for the finance department's spreadsheet: semicolons (the Belgian Excel default),
     * amounts with a decimal point, and a closing line with the count and the total.
     */
    public String csv(String rightId, YearMonth month) {
        PaymentList list = list(rightId, month);
        StringBuilder b = new StringBuilder("payment_day;right;month;national_number;name;amount\r\n");
        for (PaymentList.Line l : list.lines()) {
            b.append(list.paymentDay()).append(';').append(cell(rightId)).append(';').append(month).append(';')
                    .append(cell(l.nationalNumber() == null ? "" : l.nationalNumber())).append(';').append(cell(l.name())).append(';')
                    .append(l.amount().toPlainString()).append("\r\n");
        }
        b.append(list.paymentDay()).append(';').append(cell(rightId)).append(';').append(month).append(";TOTAL;")
                .append(list.count()).append(';').append(list.total().toPlainString()).append("\r\n");
        return b.toString();
    }

    /** Quotes a cell when needed, and defuses a leading formula character so a spreadsheet never runs it. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}

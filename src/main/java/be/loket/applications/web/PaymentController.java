package be.loket.applications.web;

import be.loket.applications.Applications;
import be.loket.applications.Payments;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The monthly payment list on screen and as CSV for the finance department. */
@Controller
class PaymentController {
    private final Payments payments;
    private final Applications applications;
    private final Clock clock;

    PaymentController(Payments payments, Applications applications, Clock clock) {
        this.payments = payments;
        this.applications = applications;
        this.clock = clock;
    }

    @GetMapping("/applications/payments")
    String page(@RequestParam(required = false) String right, @RequestParam(required = false) String month, Model model) {
        if (!Payments.mayExport(CurrentActor.get())) {
            throw new NotFoundException("Payment list");
        }
        YearMonth m = month(month);
        String r = right == null || right.isBlank() ? "huurtoelage" : right.strip();
        model.addAttribute("rights", applications.rights());
        model.addAttribute("right", r);
        model.addAttribute("month", m.toString());
        model.addAttribute("list", payments.list(r, m));
        return "applications/payments";
    }

    @GetMapping("/applications/payments.csv")
    ResponseEntity<byte[]> csv(@RequestParam String right, @RequestParam String month) {
        YearMonth m = month(month);
        byte[] body = payments.csv(right, m).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("betalingslijst-" + right.replaceAll("[^a-z0-9-]", "") + "-" + m + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    private YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.now(clock).plusMonths(1);
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new NotFoundException("Month");
        }
    }
}

package be.loket.identity.web;

import be.loket.audit.AuditLog;
import be.loket.platform.CurrentActor;
import be.loket.platform.calendar.WorkingDays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator keeps the municipality's own closing days (e.g. 11 July, the days between Christmas
 * and New Year); public holidays and weekends are computed and need no entry. Adding or removing a day
 * computes the due dates of the open questions it affects again, in the same transaction (ADR 0200);
 * handled questions keep theirs.
 */
@Controller
@RequestMapping("/admin/closing-days")
class ClosingDayController {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final WorkingDays workingDays;
    private final AuditLog audit;
    private final Clock clock;

    ClosingDayController(WorkingDays workingDays, AuditLog audit, Clock clock) {
        this.workingDays = workingDays;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("days", workingDays.closingDays(CurrentActor.get().tenantId(), today.withDayOfYear(1),
                today.plusYears(1).withMonth(12).withDayOfMonth(31)));
        return "admin/closing-days";
    }

    @PostMapping
    String add(@RequestParam(required = false) String day, @RequestParam(required = false) String label, Model model,
            RedirectAttributes flash) {
        String error = null;
        LocalDate date = null;
        if (day == null || day.isBlank()) {
            error = "validation.required";
        } else {
            try {
                date = LocalDate.parse(day.strip(), ISO);
            } catch (DateTimeParseException e) {
                error = "validation.date";
            }
        }
        String text = label == null ? "" : label.strip();
        if (error == null && text.isEmpty()) {
            error = "admin.closingDay.labelRequired";
        } else if (error == null && text.length() > 200) {
            error = "admin.closingDay.labelTooLong";
        } else if (error == null && WorkingDays.closedEverywhere(date)) {
            error = "admin.closingDay.alreadyClosed";
        }
        if (error != null) {
            model.addAttribute("error", error);
            model.addAttribute("day", day);
            model.addAttribute("label", label);
            return list(model);
        }
        workingDays.addClosingDay(CurrentActor.get().tenantId(), date, text);
        audit.write(AuditLog.Action.UPDATE, "CLOSING_DAY", null, date + " " + text);
        flash.addFlashAttribute("saved", true);
        return "redirect:/admin/closing-days";
    }

    @PostMapping("/remove")
    String remove(@RequestParam String day, RedirectAttributes flash) {
        LocalDate date = LocalDate.parse(day, ISO);
        if (workingDays.removeClosingDay(CurrentActor.get().tenantId(), date)) {
            audit.write(AuditLog.Action.DELETE, "CLOSING_DAY", null, date.toString());
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/admin/closing-days";
    }
}

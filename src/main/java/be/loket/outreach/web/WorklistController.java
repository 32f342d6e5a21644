package be.loket.outreach.web;

import be.loket.outreach.WorklistEntry;
import be.loket.outreach.WorklistInfo;
import be.loket.outreach.Worklists;
import be.loket.outreach.internal.ImportJobs;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The worklists (one per right, and the rent-arrears contact list) and the background import jobs with
 * their progress. Access is decided in the services: partners and other municipalities get 404.
 */
@Controller
class WorklistController {
    static final int PAGE = 100;
    private final Worklists worklists;
    private final ImportJobs jobs;

    WorklistController(Worklists worklists, ImportJobs jobs) {
        this.worklists = worklists;
        this.jobs = jobs;
    }

    @GetMapping("/outreach/worklists")
    String lists(Locale locale, Model model) {
        model.addAttribute("lists", worklists.lists(locale));
        return "outreach/worklists";
    }

    @GetMapping("/outreach/worklists/{key}")
    String entries(@PathVariable String key, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        int from = Math.max(0, page) * PAGE;
        // One more than a page tells whether there is a next one.
        List<WorklistEntry> entries = worklists.entries(key, locale, from, PAGE + 1);
        WorklistInfo info = worklists.lists(locale).stream().filter(l -> l.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("Worklist"));
        model.addAttribute("list", info);
        model.addAttribute("entries", entries.subList(0, Math.min(PAGE, entries.size())));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("hasNext", entries.size() > PAGE);
        model.addAttribute("contact", Worklists.RENT_ARREARS.equals(key));
        model.addAttribute("statuses", WorklistEntry.Status.values());
        return "outreach/worklist-entries";
    }

    @PostMapping("/outreach/worklists/{key}/entries/{id}")
    String setStatus(@PathVariable String key, @PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page) {
        WorklistEntry.Status s = null;
        for (WorklistEntry.Status candidate : WorklistEntry.Status.values()) {
            if (candidate.name().equals(status)) {
                s = candidate;
            }
        }
        if (s == null) {
            throw new InvalidInputException(new FieldViolation("status", "validation.choice"));
        }
        worklists.setStatus(id, s);
        return "redirect:/outreach/worklists/" + key + "?page=" + Math.max(0, page);
    }

    @GetMapping("/outreach/jobs")
    String jobs(Model model) {
        model.addAttribute("jobs", jobs.recent());
        return "outreach/jobs";
    }

    @GetMapping("/outreach/jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.job(id));
        return "outreach/job";
    }

    /** The progress block alone: what the page fetches every second while the job runs (htmx). */
    @GetMapping("/outreach/jobs/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.job(id));
        return "outreach/job :: progress";
    }
}

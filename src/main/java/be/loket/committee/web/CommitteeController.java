package be.loket.committee.web;

import be.loket.applications.ApplicationStatus;
import be.loket.applications.Applications;
import be.loket.applications.Decide;
import be.loket.applications.DecisionOutcome;
import be.loket.committee.Committee;
import be.loket.committee.DecisionRoute;
import be.loket.committee.SessionView;
import be.loket.eligibility.Right;
import be.loket.platform.CurrentActor;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import be.loket.platform.StaleVersionException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Committee pages: sessions and their agenda, decisions per item, minutes, delegated decisions and decision routes. */
@Controller
class CommitteeController {

    record SessionForm(String heldOn, String members) {
    }

    /** A decision as typed; who decides, the route and the session come from the page, never from the form. */
    record DecisionForm(String outcome, String monthlyAmount, String periodFrom, String periodUntil, String reasons, String missing) {
        Decide command() {
            return new Decide(outcome, monthlyAmount, periodFrom, periodUntil, reasons, missing, null, null);
        }

        static DecisionForm of(Decide d) {
            return new DecisionForm(d.outcome(), d.monthlyAmount(), d.periodFrom(), d.periodUntil(), d.reasons(), d.missing());
        }
    }

    private final Committee committee;
    private final Applications applications;
    private final Clock clock;

    CommitteeController(Committee committee, Applications applications, Clock clock) {
        this.committee = committee;
        this.applications = applications;
        this.clock = clock;
    }

    @GetMapping("/committee")
    String sessions(Model model) {
        model.addAttribute("sessions", committee.sessions());
        if (!model.containsAttribute("sessionForm")) {
            model.addAttribute("sessionForm", new SessionForm(LocalDate.now(clock).plusDays(7).toString(), null));
        }
        boolean teamLead = CurrentActor.get().has(Role.TEAM_LEAD);
        Map<Right, DecisionRoute> routes = new LinkedHashMap<>();
        if (teamLead) {
            applications.rights().forEach(r -> routes.put(r, committee.route(r.id())));
        }
        model.addAttribute("teamLead", teamLead);
        model.addAttribute("routes", routes);
        model.addAttribute("routeValues", DecisionRoute.values());
        model.addAttribute("ready", applications.withStatus(ApplicationStatus.READY_FOR_DECISION).size());
        return "committee/sessions";
    }

    @PostMapping("/committee/sessions")
    String plan(@ModelAttribute("sessionForm") SessionForm form, Model model) {
        try {
            return "redirect:/committee/sessions/" + committee.planSession(form.heldOn(), form.members());
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.violations());
            return sessions(model);
        }
    }

    @PostMapping("/committee/routes")
    String route(@RequestParam String rightId, @RequestParam(required = false) String route, RedirectAttributes flash) {
        committee.setRoute(rightId, route);
        flash.addFlashAttribute("saved", true);
        return "redirect:/committee";
    }

    @GetMapping("/committee/sessions/{id}")
    String session(@PathVariable UUID id, Model model) {
        SessionView s = committee.session(id);
        Map<UUID, DecisionForm> forms = new LinkedHashMap<>();
        for (SessionView.Item item : s.items()) {
            forms.put(item.id(), DecisionForm.of(applications.proposedDecision(item.application().id())));
        }
        if (model.getAttribute("failedItem") instanceof UUID failed && model.getAttribute("decisionForm") instanceof DecisionForm typed) {
            forms.put(failed, typed);
        }
        model.addAttribute("s", s);
        model.addAttribute("forms", forms);
        model.addAttribute("outcomes", DecisionOutcome.values());
        return "committee/session";
    }

    @PostMapping("/committee/sessions/{id}/agenda")
    String agenda(@PathVariable UUID id, @RequestParam long version, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("added", committee.buildAgenda(id, version));
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problems", e.violations());
        }
        return "redirect:/committee/sessions/" + id;
    }

    @PostMapping("/committee/sessions/{id}/items/{itemId}")
    String decideItem(@PathVariable UUID id, @PathVariable UUID itemId, @RequestParam long version,
            @ModelAttribute("decisionForm") DecisionForm form, Model model, RedirectAttributes flash) {
        try {
            committee.decideItem(id, itemId, version, form.command());
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.violations());
            model.addAttribute("failedItem", itemId);
            return session(id, model);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        }
        return "redirect:/committee/sessions/" + id;
    }

    @PostMapping("/committee/sessions/{id}/close")
    String close(@PathVariable UUID id, @RequestParam long version, RedirectAttributes flash) {
        try {
            committee.close(id, version);
            flash.addFlashAttribute("saved", true);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problems", e.violations());
        }
        return "redirect:/committee/sessions/" + id;
    }

    @GetMapping("/committee/sessions/{id}/minutes")
    String minutes(@PathVariable UUID id, Model model) {
        model.addAttribute("s", committee.session(id));
        return "committee/minutes";
    }

    /** The minutes as PDF, downloaded (never shown inline in the browser's tab next to other pages). */
    @GetMapping("/committee/sessions/{id}/minutes.pdf")
    org.springframework.http.ResponseEntity<byte[]> minutesPdf(@PathVariable UUID id) {
        byte[] pdf = committee.minutesPdf(id);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename("notulen-" + id + ".pdf").build().toString())
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    @GetMapping("/committee/applications/{id}/decide")
    String decideForm(@PathVariable UUID id, Model model) {
        if (!CurrentActor.get().has(Role.TEAM_LEAD)) {
            throw new NotFoundException("Application");
        }
        model.addAttribute("a", applications.get(id));
        model.addAttribute("evaluation", applications.evaluate(id));
        model.addAttribute("route", committee.route(applications.rightOf(id)));
        model.addAttribute("outcomes", DecisionOutcome.values());
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute("decisionForm", DecisionForm.of(applications.proposedDecision(id)));
        }
        return "committee/decide";
    }

    @PostMapping("/committee/applications/{id}/decide")
    String decide(@PathVariable UUID id, @RequestParam long version, @ModelAttribute("decisionForm") DecisionForm form, Model model,
            RedirectAttributes flash) {
        try {
            committee.decideDelegated(id, version, form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/applications/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.violations());
            return decideForm(id, model);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
            return "redirect:/committee/applications/" + id + "/decide";
        }
    }
}

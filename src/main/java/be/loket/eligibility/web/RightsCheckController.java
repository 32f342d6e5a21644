package be.loket.eligibility.web;

import be.loket.eligibility.FactSource;
import be.loket.eligibility.Outcome;
import be.loket.eligibility.RightsCheck;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The rights check on a citizen's page: results, and the questions that still count, answered on the spot. */
@Controller
@PreAuthorize("hasAnyRole('FRONT_DESK','SOCIAL_WORKER','SPECIALIST','TEAM_LEAD')")
class RightsCheckController {
    static final String ANSWER = "f.";

    private final RightsCheck rightsCheck;

    RightsCheckController(RightsCheck rightsCheck) {
        this.rightsCheck = rightsCheck;
    }

    @GetMapping("/persons/{id}/rights")
    String check(@PathVariable UUID id, @RequestParam(required = false) Integer saved,
            @RequestParam(required = false) Boolean recorded, Model model, Locale locale) {
        show(id, model, locale);
        model.addAttribute("saved", saved);
        model.addAttribute("recorded", recorded);
        return "eligibility/person-rights";
    }

    /** "Record this check in the dossier": the outcome as it stands, as a step in the open dossier's timeline. */
    @PostMapping("/persons/{id}/rights/record")
    String recordCheck(@PathVariable UUID id) {
        boolean written = rightsCheck.recordInDossier(id).isPresent();
        return "redirect:/persons/" + id + "/rights?recorded=" + written;
    }

    @PostMapping("/persons/{id}/rights")
    String record(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
        Map<String, String> answers = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(ANSWER) && !v.isEmpty()) {
                answers.put(k.substring(ANSWER.length()), v.get(0));
            }
        });
        FactSource source = null;
        try {
            source = form.getFirst("source") == null ? null : FactSource.valueOf(form.getFirst("source"));
        } catch (IllegalArgumentException e) {
            source = null;
        }
        try {
            int count = rightsCheck.record(id, answers, source, locale);
            return "redirect:/persons/" + id + "/rights?saved=" + count;
        } catch (InvalidInputException e) {
            show(id, model, locale);
            model.addAttribute("violations", e.violations());
            model.addAttribute("invalid", e.violations().stream().map(FieldViolation::field).toList());
            model.addAttribute("entered", answers);
            return "eligibility/person-rights";
        }
    }

    private void show(UUID id, Model model, Locale locale) {
        RightsCheck.Result result = rightsCheck.check(id, locale);
        model.addAttribute("person", result.person());
        model.addAttribute("facts", result.facts());
        model.addAttribute("schema", rightsCheck.schema());
        model.addAttribute("questions", result.questions());
        model.addAttribute("sources", FactSource.values());
        model.addAttribute("eligible", result.results().stream().filter(r -> r.outcome() == Outcome.ELIGIBLE).toList());
        model.addAttribute("possibly", result.results().stream().filter(r -> r.outcome() == Outcome.POSSIBLY).toList());
        model.addAttribute("notEligible", result.results().stream().filter(r -> r.outcome() == Outcome.NOT_ELIGIBLE).toList());
        model.addAttribute("invalid", List.of());
        model.addAttribute("entered", result.suggested());
    }
}

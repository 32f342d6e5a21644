package be.loket.eligibility.web;

import be.loket.eligibility.Eligibility;
import be.loket.eligibility.FactDefinition;
import be.loket.eligibility.Outcome;
import be.loket.eligibility.RightResult;
import be.loket.eligibility.RightsCheck;
import be.loket.identity.Directory;
import be.loket.platform.NotFoundException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public, anonymous rights explorer: one plain-language question per page, always the fact that
 * most still-open rights need, until nothing asked can change an outcome. Nothing is stored: the
 * answers so far travel with the form (GET), no session is created.
 */
@Controller
class ExplorerController {
    static final String ANSWER = "f.";
    static final String SKIP = "skip";
    /** Prefilled from the explorer's municipality rather than asked. */
    static final String MUNICIPALITY = String.join(".", "household", "municipality");

    private final Eligibility eligibility;
    private final Directory directory;

    ExplorerController(Eligibility eligibility, Directory directory) {
        this.eligibility = eligibility;
        this.directory = directory;
    }

    /** A question on the page: the fact, what was answered before and, if refused, why. */
    record Question(FactDefinition fact, String text, boolean invalid) {
    }

    /** The municipalities whose own rights the catalogue holds, to choose where one lives. */
    @GetMapping("/explorer")
    String start(Model model) {
        var municipalities = eligibility.allRights().stream().flatMap(r -> r.tenants().stream()).distinct().sorted()
                .map(directory::tenantByCode).flatMap(java.util.Optional::stream).toList();
        model.addAttribute("municipalities", municipalities);
        return "eligibility/explorer-start";
    }

    @GetMapping("/explorer/{tenant}")
    String explore(@PathVariable String tenant, @RequestParam MultiValueMap<String, String> params, Model model,
            Locale locale) {
        var municipality = directory.tenantByCode(tenant).orElseThrow(() -> new NotFoundException("Municipality"));
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, Object> facts = new HashMap<>();
        FactDefinition invalid = null;
        for (FactDefinition d : eligibility.facts()) {
            String v = params.getFirst(ANSWER + d.name());
            if (v == null || v.isBlank() || d.assessment()) {
                continue;
            }
            Object typed = RightsCheck.parseAnswer(d, v.strip());
            if (typed == null) {
                invalid = d;
                continue;
            }
            raw.put(d.name(), v.strip());
            facts.put(d.name(), typed);
        }
        facts.put(MUNICIPALITY, tenant);
        Set<String> skipped = new LinkedHashSet<>(params.getOrDefault(SKIP, List.of()));
        List<RightResult> results = eligibility.evaluateFor(tenant, eligibility.today(), facts, null, locale);
        model.addAttribute("tenant", tenant);
        model.addAttribute("municipality", municipality.name());
        model.addAttribute("answers", raw);
        model.addAttribute("skipped", skipped);
        FactDefinition next = invalid != null ? invalid : nextQuestion(results, raw.keySet(), skipped);
        if (next != null) {
            model.addAttribute("question", new Question(next, next.question().in(locale), invalid != null));
            model.addAttribute("open", results.stream().filter(r -> r.outcome() == Outcome.POSSIBLY).count());
            model.addAttribute("answered", raw.size() + skipped.size());
            return "eligibility/explorer-question";
        }
        List<String> probably = ids(results, Outcome.ELIGIBLE);
        List<String> possibly = ids(results, Outcome.POSSIBLY);
        model.addAttribute("probably", probably.stream().map(id -> eligibility.rightOf(tenant, id)).toList());
        model.addAttribute("possibly", possibly.stream().map(id -> eligibility.rightOf(tenant, id)).toList());
        return "eligibility/explorer-result";
    }

    private static List<String> ids(List<RightResult> results, Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).map(RightResult::right).toList();
    }

    /** The fact most undecided rights miss, that the citizen can answer and has not answered or skipped. */
    private FactDefinition nextQuestion(List<RightResult> results, Set<String> answered, Set<String> skipped) {
        Map<String, Integer> counts = new HashMap<>();
        for (RightResult r : results) {
            if (r.outcome() == Outcome.POSSIBLY) {
                for (String f : r.missingFacts()) {
                    counts.merge(f, 1, Integer::sum);
                }
            }
        }
        FactDefinition best = null;
        int bestCount = 0;
        for (FactDefinition d : eligibility.facts()) {
            int c = counts.getOrDefault(d.name(), 0);
            if (c > bestCount && !d.assessment() && !answered.contains(d.name()) && !skipped.contains(d.name())
                    && !d.name().equals(MUNICIPALITY)) {
                best = d;
                bestCount = c;
            }
        }
        return best;
    }
}

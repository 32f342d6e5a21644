package be.loket.catalog.web;

import be.loket.catalog.CatalogSearch;
import be.loket.eligibility.Eligibility;
import be.loket.eligibility.Right;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The catalogue at every desk: search, and one right's detail with proofs and where to apply. */
@Controller
class CatalogController {
    private final CatalogSearch search;
    private final Eligibility eligibility;

    CatalogController(CatalogSearch search, Eligibility eligibility) {
        this.search = search;
        this.eligibility = eligibility;
    }

    @GetMapping("/catalog")
    String search(@RequestParam(required = false) String q, Model model, Locale locale) {
        model.addAttribute("q", q);
        boolean asked = q != null && !q.isBlank();
        model.addAttribute("searched", asked);
        List<Right> rights = asked ? search.search(q).stream().map(CatalogSearch.Hit::right).toList()
                : eligibility.rights().stream().sorted(Comparator.comparing(r -> r.name().in(locale))).toList();
        model.addAttribute("rights", rights);
        return "catalog/search";
    }

    @GetMapping("/catalog/{id}")
    String right(@PathVariable String id, Model model) {
        model.addAttribute("right", eligibility.right(id));
        return "catalog/right";
    }
}

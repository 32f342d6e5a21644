package be.loket.eligibility.web;

import be.loket.eligibility.Eligibility;
import be.loket.eligibility.RuleLoadException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's page for the municipality's own rule files: which are in force, and reloading
 * them from LOKET_RULES_DIR. A refused reload shows the report and leaves the rules in force unchanged.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RulesAdminController {
    private final Eligibility eligibility;

    RulesAdminController(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    @GetMapping("/admin/rules")
    String page(@RequestParam(required = false) Boolean reloaded, Model model) {
        fill(model);
        model.addAttribute("reloaded", reloaded);
        return "eligibility/admin-rules";
    }

    @PostMapping("/admin/rules/reload")
    String reload(Model model) {
        String tenant = eligibility.currentTenantCode();
        try {
            eligibility.reload(tenant);
            return "redirect:/admin/rules?reloaded=true";
        } catch (RuleLoadException e) {
            fill(model);
            model.addAttribute("report", e.report());
            return "eligibility/admin-rules";
        }
    }

    private void fill(Model model) {
        String tenant = eligibility.currentTenantCode();
        model.addAttribute("tenant", tenant);
        model.addAttribute("configured", eligibility.hasRulesDirectory());
        model.addAttribute("files", eligibility.ruleFiles(tenant));
        model.addAttribute("rights", eligibility.rightsOf(tenant).size());
    }
}

package be.loket.applications.web;

import be.loket.applications.GrantProposals;
import be.loket.platform.InvalidInputException;
import be.loket.platform.StaleVersionException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Proposals to confirm": renewals and automatic grants the system proposed, for case workers to confirm or reject. */
@Controller
class GrantProposalController {
    private final GrantProposals proposals;

    GrantProposalController(GrantProposals proposals) {
        this.proposals = proposals;
    }

    @GetMapping("/applications/proposals")
    String list(Model model) {
        model.addAttribute("proposals", proposals.open());
        return "applications/proposals";
    }

    @PostMapping("/applications/proposals/{id}/confirm")
    String confirm(@PathVariable UUID id, RedirectAttributes flash) {
        try {
            return "redirect:/applications/" + proposals.confirm(id);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problems", e.violations());
        }
        return "redirect:/applications/proposals";
    }

    @PostMapping("/applications/proposals/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            proposals.reject(id, reason);
            flash.addFlashAttribute("saved", true);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problems", e.violations());
            flash.addFlashAttribute("failed", id);
        }
        return "redirect:/applications/proposals";
    }
}

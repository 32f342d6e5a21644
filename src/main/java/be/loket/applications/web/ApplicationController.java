package be.loket.applications.web;

import be.loket.applications.ApplicationStatus;
import be.loket.applications.ApplicationView;
import be.loket.applications.Applications;
import be.loket.applications.DecisionOutcome;
import be.loket.applications.FactSource;
import be.loket.applications.StartApplication;
import be.loket.eligibility.FactDefinition;
import be.loket.person.People;
import be.loket.platform.Choices;
import be.loket.platform.CurrentActor;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import be.loket.platform.StaleVersionException;
import be.loket.platform.Validation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages of an application: start it, the checklist of proofs, facts, report and proposal, evaluation and decisions. */
@Controller
class ApplicationController {

    /** The fields a worker types; ids, tenant and author never come from the form. */
    record StartForm(UUID personId, String rightId) {
    }

    record ProofForm(String reason, String validUntil) {
    }

    record FactForm(String name, String value, String source) {
    }

    record ReportForm(String report, String proposalOutcome, String proposalAmount, String proposalText) {
    }

    private final Applications applications;
    private final People people;

    ApplicationController(Applications applications, People people) {
        this.applications = applications;
        this.people = people;
    }

    @GetMapping("/applications")
    String list(@RequestParam(required = false) String status, Model model) {
        Validation ignored = new Validation();
        ApplicationStatus chosen = status == null ? ApplicationStatus.READY_FOR_DECISION
                : Choices.of(ignored, "status", ApplicationStatus.class, status);
        if (chosen == null) {
            throw new NotFoundException("Status");
        }
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("applications", applications.withStatus(chosen));
        return "applications/list";
    }

    @GetMapping("/applications/new")
    String newForm(@RequestParam UUID person, @RequestParam(required = false) String right, Model model) {
        return startForm(model, new StartForm(person, right));
    }

    @PostMapping("/applications")
    String start(@ModelAttribute("form") StartForm form, Model model) {
        try {
            UUID id = applications.start(new StartApplication(form.personId(), form.rightId(), Map.of()));
            return "redirect:/applications/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.violations());
            return startForm(model, form);
        }
    }

    @GetMapping("/applications/{id}")
    String view(@PathVariable UUID id, Model model) {
        ApplicationView a = applications.get(id);
        model.addAttribute("a", a);
        model.addAttribute("followUp", a.grant() == null ? null : applications.followUp(id));
        model.addAttribute("evaluation", applications.evaluate(id));
        model.addAttribute("nextStatuses", a.status().next().stream().sorted().toList());
        model.addAttribute("facts", factChoices());
        model.addAttribute("sources", FactSource.values());
        model.addAttribute("outcomes", DecisionOutcome.values());
        model.addAttribute("teamLead", CurrentActor.get().has(Role.TEAM_LEAD));
        model.addAttribute("worker", Applications.isWorker(CurrentActor.get()));
        if (!model.containsAttribute("factForm")) {
            model.addAttribute("factForm", new FactForm(null, null, FactSource.CITIZEN.name()));
        }
        if (!model.containsAttribute("reportForm")) {
            model.addAttribute("reportForm", new ReportForm(a.report(), a.proposalOutcome() == null ? null : a.proposalOutcome().name(),
                    a.proposalAmount() == null ? null : a.proposalAmount().toPlainString(), a.proposalText()));
        }
        return "applications/view";
    }

    @PostMapping("/applications/{id}/status")
    String status(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String status, Model model,
            RedirectAttributes flash) {
        return change(id, model, flash, () -> applications.changeStatus(id, version, status));
    }

    @PostMapping("/applications/{id}/proofs/request")
    String requestProofs(@PathVariable UUID id, @RequestParam long version, Model model, RedirectAttributes flash) {
        String view = change(id, model, flash, () -> applications.requestProofs(id, version));
        if (flash.getFlashAttributes().containsKey("saved")) {
            flash.addFlashAttribute("savedMessage", "applications.proofs.request.sent");
        }
        return view;
    }

    @PostMapping("/applications/{id}/proofs/{proofId}/{action:receive|accept|refuse}")
    String proof(@PathVariable UUID id, @PathVariable UUID proofId, @PathVariable String action, @RequestParam long version,
            @ModelAttribute("proofForm") ProofForm form, Model model, RedirectAttributes flash) {
        return change(id, model, flash, () -> {
            switch (action) {
                case "receive" -> applications.receiveProof(id, version, proofId, null);
                case "accept" -> applications.acceptProof(id, version, proofId, form.validUntil());
                default -> applications.refuseProof(id, version, proofId, form.reason());
            }
        });
    }

    @PostMapping("/applications/{id}/proofs/{proofId}/upload")
    String upload(@PathVariable UUID id, @PathVariable UUID proofId, @RequestParam long version,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes flash) throws IOException {
        byte[] content = file == null ? new byte[0] : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return change(id, model, flash, () -> applications.uploadProof(id, version, proofId, name, content));
    }

    @GetMapping("/applications/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
        return applications.proofDocument(id, documentId).asResponse();
    }

    @PostMapping("/applications/{id}/facts")
    String fact(@PathVariable UUID id, @RequestParam long version, @ModelAttribute("factForm") FactForm form, Model model,
            RedirectAttributes flash) {
        return change(id, model, flash, () -> applications.recordFact(id, version, form.name(), form.value(), form.source()));
    }

    @PostMapping("/applications/{id}/report")
    String report(@PathVariable UUID id, @RequestParam long version, @ModelAttribute("reportForm") ReportForm form, Model model,
            RedirectAttributes flash) {
        return change(id, model, flash, () -> applications.writeReport(id, version, form.report(), form.proposalOutcome(),
                form.proposalAmount(), form.proposalText()));
    }

    @PostMapping("/applications/{id}/monthly-proofs")
    String monthlyProof(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String month, Model model,
            RedirectAttributes flash) {
        return change(id, model, flash, () -> applications.recordMonthlyProof(id, version, month, null));
    }

    @PostMapping("/applications/{id}/renewal")
    String renewal(@PathVariable UUID id, Model model, RedirectAttributes flash) {
        try {
            return "redirect:/applications/" + applications.prepareRenewal(id);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.violations());
            return view(id, model);
        }
    }

    /** One service call; a refusal shows the page again with the messages and what was typed, a conflict asks to reload. */
    private String change(UUID id, Model model, RedirectAttributes flash, Runnable command) {
        try {
            command.run();
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.violations());
            return view(id, model);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        }
        return "redirect:/applications/" + id;
    }

    private List<FactDefinition> factChoices() {
        return applications.factDefinitions();
    }

    private String startForm(Model model, StartForm form) {
        if (!Applications.isWorker(CurrentActor.get())) {
            throw new NotFoundException("Application");
        }
        Map<UUID, String> names = form.personId() == null ? Map.of() : people.names(List.of(form.personId()));
        if (names.isEmpty()) {
            throw new NotFoundException("Person");
        }
        model.addAttribute("form", form);
        model.addAttribute("personName", names.get(form.personId()));
        model.addAttribute("rights", applications.rights());
        return "applications/new";
    }
}

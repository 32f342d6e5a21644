package be.loket.dossier.web;

import be.loket.dossier.DossierStatus;
import be.loket.dossier.DossierView;
import be.loket.dossier.Dossiers;
import be.loket.dossier.NewStep;
import be.loket.dossier.OpenDossier;
import be.loket.dossier.StepKind;
import be.loket.dossier.Visibility;
import be.loket.identity.Directory;
import be.loket.intake.Contact;
import be.loket.intake.Contacts;
import be.loket.intake.Theme;
import be.loket.person.Households;
import be.loket.person.People;
import be.loket.platform.CurrentActor;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import be.loket.platform.StaleVersionException;
import be.loket.platform.web.FormErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff and partner pages of the dossier: my work, unassigned, open, the file itself and its trail. */
@Controller
class DossierController {

    /** Form for opening; person, contact and who opens are request parameters checked by the service. */
    public static class OpenForm {
        private UUID personId;
        private UUID contactId;
        private UUID ownerId;
        private UUID householdId;
        private List<String> lifeDomains = new ArrayList<>();

        public UUID getPersonId() { return personId; }
        public void setPersonId(UUID personId) { this.personId = personId; }
        public UUID getContactId() { return contactId; }
        public void setContactId(UUID contactId) { this.contactId = contactId; }
        public UUID getOwnerId() { return ownerId; }
        public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
        public UUID getHouseholdId() { return householdId; }
        public void setHouseholdId(UUID householdId) { this.householdId = householdId; }
        public List<String> getLifeDomains() { return lifeDomains; }
        public void setLifeDomains(List<String> lifeDomains) { this.lifeDomains = lifeDomains == null ? new ArrayList<>() : lifeDomains; }
    }

    public static class StepForm {
        private String kind = "NOTE";
        private String visibility = "INTERNAL";
        private String text;
        private String occurredOn;

        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getVisibility() { return visibility; }
        public void setVisibility(String visibility) { this.visibility = visibility; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public String getOccurredOn() { return occurredOn; }
        public void setOccurredOn(String occurredOn) { this.occurredOn = occurredOn; }
    }

    public static class ShareForm {
        private UUID organisationId;
        private String purpose;

        public UUID getOrganisationId() { return organisationId; }
        public void setOrganisationId(UUID organisationId) { this.organisationId = organisationId; }
        public String getPurpose() { return purpose; }
        public void setPurpose(String purpose) { this.purpose = purpose; }
    }

    public static class StatusForm {
        private String status;
        private String reason;

        public String getStatus() { return status; }
        public void setStatus(String status) { this.status = status; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    private final Dossiers dossiers;
    private final Directory directory;
    private final Contacts contacts;
    private final People people;
    private final Households households;

    DossierController(Dossiers dossiers, Directory directory, Contacts contacts, People people, Households households) {
        this.dossiers = dossiers;
        this.directory = directory;
        this.contacts = contacts;
        this.people = people;
        this.households = households;
    }

    @GetMapping("/dossiers")
    String myWork(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(0, page);
        var list = dossiers.myWork(current);
        model.addAttribute("dossiers", list);
        model.addAttribute("page", current);
        model.addAttribute("more", list.size() == Dossiers.PAGE_SIZE);
        model.addAttribute("partner", CurrentActor.get().has(Role.PARTNER));
        return "dossier/my-work";
    }

    @GetMapping("/dossiers/unassigned")
    String unassigned(Model model) {
        model.addAttribute("dossiers", dossiers.unassigned());
        model.addAttribute("owners", dossiers.possibleOwners());
        return "dossier/unassigned";
    }

    @PostMapping("/dossiers/{id}/owner")
    String reassign(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String back, RedirectAttributes flash) {
        try {
            dossiers.reassign(id, version, ownerId);
            flash.addFlashAttribute("saved", true);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("ownerError", true);
        }
        return "unassigned".equals(back) ? "redirect:/dossiers/unassigned" : "redirect:/dossiers/" + id;
    }

    @GetMapping("/dossiers/new")
    String newForm(@RequestParam(required = false) UUID person, @RequestParam(required = false) UUID contact, Model model) {
        var form = new OpenForm();
        if (contact != null) {
            Contact c = contacts.get(contact);
            form.setContactId(contact);
            form.setPersonId(c.personId());
            form.setLifeDomains(new ArrayList<>(c.themes().stream().map(Enum::name).toList()));
        } else {
            form.setPersonId(person);
        }
        return openForm(model, form);
    }

    @PostMapping("/dossiers")
    String open(@ModelAttribute("form") OpenForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        try {
            UUID id = dossiers.open(new OpenDossier(form.getPersonId(), form.getOwnerId(), form.getContactId(), form.getLifeDomains(),
                    form.getHouseholdId()));
            flash.addFlashAttribute("dossierOpened", true);
            // The front desk does not read dossiers: it goes back to the citizen, case workers to the new file.
            return Dossiers.isCaseworker(CurrentActor.get()) ? "redirect:/dossiers/" + id : "redirect:/persons/" + form.getPersonId();
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
            return openForm(model, form);
        }
    }

    @PostMapping("/dossiers/{id}/contacts")
    String addContact(@PathVariable UUID id, @RequestParam UUID contactId, RedirectAttributes flash) {
        Contact contact = contacts.get(contactId);
        try {
            dossiers.addContact(id, contactId);
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("contactRefused", true);
            return "redirect:/dossiers/new?contact=" + contactId;
        }
        return Dossiers.isCaseworker(CurrentActor.get()) ? "redirect:/dossiers/" + id : "redirect:/persons/" + contact.personId();
    }

    @GetMapping("/dossiers/{id}")
    String view(@PathVariable UUID id, Model model) {
        DossierView d = dossiers.get(id);
        if (!model.containsAttribute("stepForm")) {
            var step = new StepForm();
            if (CurrentActor.get().has(Role.PARTNER)) {
                step.setKind(StepKind.PARTNER_ACTION.name());
                step.setVisibility(Visibility.SHARED.name());
            }
            model.addAttribute("stepForm", step);
        }
        if (!model.containsAttribute("shareForm")) {
            model.addAttribute("shareForm", new ShareForm());
        }
        if (!model.containsAttribute("statusForm")) {
            model.addAttribute("statusForm", new StatusForm());
        }
        model.addAttribute("d", d);
        boolean partner = CurrentActor.get().has(Role.PARTNER);
        // Who is in the household: for the own service only (a partner reads the shared steps, not the family).
        model.addAttribute("household", d.householdId() == null || partner ? null : households.get(d.householdId()));
        model.addAttribute("partner", partner);
        model.addAttribute("kinds", StepKind.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("domains", Theme.values());
        model.addAttribute("nextStatuses", d.status().next().stream().sorted().toList());
        model.addAttribute("partners", d.manageable() ? directory.partners() : List.of());
        model.addAttribute("teamLead", CurrentActor.get().has(Role.TEAM_LEAD));
        model.addAttribute("owners", CurrentActor.get().has(Role.TEAM_LEAD) ? dossiers.possibleOwners() : List.of());
        return "dossier/view";
    }

    @PostMapping("/dossiers/{id}/steps")
    String addStep(@PathVariable UUID id, @ModelAttribute("stepForm") StepForm form, BindingResult binding, Model model,
            RedirectAttributes flash) {
        try {
            dossiers.addStep(id, new NewStep(form.getKind(), form.getVisibility(), form.getText(), form.getOccurredOn()));
            flash.addFlashAttribute("saved", true);
            return "redirect:/dossiers/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
            return view(id, model);
        }
    }

    @PostMapping("/dossiers/{id}/status")
    String status(@PathVariable UUID id, @RequestParam long version, @ModelAttribute("statusForm") StatusForm form,
            BindingResult binding, Model model, RedirectAttributes flash) {
        try {
            dossiers.changeStatus(id, version, form.getStatus(), form.getReason());
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
            return view(id, model);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        }
        return "redirect:/dossiers/" + id;
    }

    @PostMapping("/dossiers/{id}/domains")
    String domains(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) List<String> lifeDomains,
            RedirectAttributes flash) {
        try {
            dossiers.changeLifeDomains(id, version, lifeDomains == null ? List.of() : lifeDomains);
            flash.addFlashAttribute("saved", true);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        }
        return "redirect:/dossiers/" + id;
    }

    @PostMapping("/dossiers/{id}/shares")
    String share(@PathVariable UUID id, @RequestParam long version, @ModelAttribute("shareForm") ShareForm form,
            BindingResult binding, Model model, RedirectAttributes flash) {
        try {
            dossiers.share(id, version, form.getOrganisationId(), form.getPurpose());
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
            return view(id, model);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        }
        return "redirect:/dossiers/" + id;
    }

    @PostMapping("/dossiers/{id}/shares/{organisationId}/end")
    String endShare(@PathVariable UUID id, @PathVariable UUID organisationId, @RequestParam long version,
            RedirectAttributes flash) {
        try {
            dossiers.endShare(id, version, organisationId);
            flash.addFlashAttribute("saved", true);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        }
        return "redirect:/dossiers/" + id;
    }

    @GetMapping("/dossiers/{id}/audit")
    String audit(@PathVariable UUID id, Model model) {
        var events = dossiers.trail(id);
        // Only the header: reading the whole file here would clear the owner's "new" marks on partner steps.
        model.addAttribute("d", dossiers.header(id));
        model.addAttribute("events", events);
        return "dossier/audit";
    }

    private String openForm(Model model, OpenForm form) {
        if (!Dossiers.mayOpen(CurrentActor.get())) {
            throw new NotFoundException("Dossier");
        }
        Map<UUID, String> names = form.getPersonId() == null ? Map.of() : people.names(List.of(form.getPersonId()));
        if (names.isEmpty()) {
            throw new NotFoundException("Person");
        }
        model.addAttribute("form", form);
        model.addAttribute("personName", names.get(form.getPersonId()));
        model.addAttribute("owners", dossiers.possibleOwners());
        model.addAttribute("domains", Theme.values());
        model.addAttribute("existing", dossiers.ofPerson(form.getPersonId()));
        // "For the whole household" is offered only when the citizen lives in one.
        model.addAttribute("household", households.currentOf(form.getPersonId()).orElse(null));
        return "dossier/new";
    }

}

package be.loket.intake.web;

import be.loket.identity.Directory;
import be.loket.identity.Site;
import be.loket.intake.Channel;
import be.loket.intake.Contacts;
import be.loket.intake.Outcome;
import be.loket.intake.Theme;
import be.loket.person.People;
import be.loket.platform.CurrentActor;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import be.loket.platform.StaleVersionException;
import be.loket.platform.web.FormErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Front-desk pages: the day view per site, registering a contact, and the team lead's overdue list. */
@Controller
class IntakeController {
    private final Contacts contacts;
    private final Directory directory;
    private final People people;
    private final Clock clock;

    IntakeController(Contacts contacts, Directory directory, People people, Clock clock) {
        this.contacts = contacts;
        this.directory = directory;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/intake")
    String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID site, Model model) {
        requireIntake();
        List<Site> sites = directory.sites();
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        UUID siteId = site != null ? site : sites.isEmpty() ? null : sites.get(0).id();
        model.addAttribute("contacts", contacts.day(day, siteId));
        model.addAttribute("date", day);
        model.addAttribute("siteId", siteId);
        model.addAttribute("today", LocalDate.now(clock));
        addSites(model, sites);
        return "intake/day";
    }

    @GetMapping("/intake/new")
    String newForm(@RequestParam(required = false) UUID person, @RequestParam(required = false) UUID site,
            @RequestParam(required = false) String q, Model model) {
        requireIntake();
        var form = new ContactForm();
        form.setPersonId(person);
        form.setSiteId(site);
        model.addAttribute("form", form);
        if (q != null && !q.isBlank() && person == null) {
            model.addAttribute("q", q);
            model.addAttribute("matches", people.search(People.Query.of(q)));
        }
        return form(model, form);
    }

    @PostMapping("/intake")
    String register(@ModelAttribute("form") ContactForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        requireIntake();
        if (binding.hasErrors()) {
            return form(model, form);
        }
        try {
            UUID id = contacts.register(form.command());
            if (Outcome.DOSSIER.name().equals(form.getOutcome()) && form.getPersonId() != null) {
                return "redirect:/dossiers/new?contact=" + id;
            }
            flash.addFlashAttribute("saved", true);
            return "redirect:/intake?site=" + form.getSiteId();
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
            return form(model, form);
        }
    }

    @PostMapping("/intake/{id}/handled")
    String handled(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        var contact = contacts.get(id);
        try {
            contacts.markHandled(id, version);
            flash.addFlashAttribute("saved", true);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        }
        if ("overdue".equals(back)) {
            return "redirect:/intake/overdue";
        }
        return "redirect:/intake?site=" + contact.siteId() + "&date=" + contact.occurredAt().atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    @GetMapping("/intake/overdue")
    String overdue(Model model) {
        model.addAttribute("contacts", contacts.overdue());
        model.addAttribute("today", LocalDate.now(clock));
        addSites(model, directory.sites());
        return "intake/overdue";
    }

    private String form(Model model, ContactForm form) {
        if (form.getPersonId() != null) {
            Map<UUID, String> names = people.names(List.of(form.getPersonId()));
            if (names.isEmpty()) {
                throw new NotFoundException("Person");
            }
            model.addAttribute("personName", names.get(form.getPersonId()));
        }
        model.addAttribute("channels", Channel.values());
        model.addAttribute("themes", Theme.values());
        model.addAttribute("outcomes", Outcome.values());
        addSites(model, directory.sites());
        return "intake/form";
    }

    private static void addSites(Model model, List<Site> sites) {
        model.addAttribute("sites", sites);
        model.addAttribute("siteNames", sites.stream().collect(Collectors.toMap(Site::id, Site::name)));
    }

    private static void requireIntake() {
        if (!Contacts.mayUse(CurrentActor.get())) {
            throw new NotFoundException("Contact");
        }
    }

}

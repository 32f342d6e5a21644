package be.loket.person.web;

import be.loket.audit.AuditLog;
import be.loket.person.ContactChannel;
import be.loket.person.HouseholdRelation;
import be.loket.person.Households;
import be.loket.person.LikelyDuplicateException;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.platform.StaleVersionException;
import be.loket.platform.web.FormErrors;
import be.loket.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for citizens: search first, then view, register or change. */
@Controller
class PersonController {
    private final People people;
    private final Households households;
    private final AuditLog audit;

    PersonController(People people, Households households, AuditLog audit) {
        this.people = people;
        this.households = households;
        this.audit = audit;
    }

    @ModelAttribute("channels")
    ContactChannel[] channels() {
        return ContactChannel.values();
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return List.of("nl", "fr", "en");
    }

    @GetMapping("/persons")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String birthDate,
            @RequestParam(required = false) String address, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("birthDate", birthDate);
        model.addAttribute("address", address);
        boolean asked = notBlank(q) || notBlank(birthDate) || notBlank(address);
        model.addAttribute("searched", asked);
        if (asked) {
            LocalDate birth = null;
            if (notBlank(birthDate)) {
                birth = People.parseDate(birthDate).orElse(null);
                if (birth == null) {
                    model.addAttribute("birthDateError", true);
                    model.addAttribute("results", List.of());
                    return "persons/search";
                }
            }
            model.addAttribute("results", people.search(new People.Query(q, birth, address)));
        }
        return "persons/search";
    }

    @GetMapping("/persons/new")
    @PreAuthorize("hasAnyRole('FRONT_DESK','SOCIAL_WORKER','SPECIALIST','TEAM_LEAD')")
    String newForm(@RequestParam(required = false) String q, Model model) {
        var form = new PersonForm();
        if (notBlank(q) && !q.matches(".*\\d.*")) {
            String[] words = q.strip().split("\\s+", 2);
            form.setFirstName(words[0]);
            if (words.length > 1) {
                form.setLastName(words[1]);
            }
        }
        model.addAttribute("form", form);
        return "persons/form";
    }

    @PostMapping("/persons")
    @PreAuthorize("hasAnyRole('FRONT_DESK','SOCIAL_WORKER','SPECIALIST','TEAM_LEAD')")
    String create(@ModelAttribute("form") PersonForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        try {
            UUID id = people.create(form.details(), form.isConfirmNotDuplicate());
            flash.addFlashAttribute("saved", true);
            return "redirect:/persons/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
        } catch (LikelyDuplicateException e) {
            model.addAttribute("duplicates", e.candidates());
        }
        return "persons/form";
    }

    @GetMapping("/persons/{id}")
    String view(@PathVariable UUID id, Model model) {
        Person person = people.get(id);
        model.addAttribute("person", person);
        model.addAttribute("household", households.currentOf(id).orElse(null));
        model.addAttribute("relations", HouseholdRelation.values());
        return "persons/view";
    }

    @GetMapping("/persons/{id}/edit")
    @PreAuthorize("hasAnyRole('FRONT_DESK','SOCIAL_WORKER','SPECIALIST','TEAM_LEAD')")
    String editForm(@PathVariable UUID id, Model model) {
        Person person = people.get(id);
        model.addAttribute("person", person);
        model.addAttribute("form", PersonForm.of(person));
        return "persons/form";
    }

    @PostMapping("/persons/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK','SOCIAL_WORKER','SPECIALIST','TEAM_LEAD')")
    String update(@PathVariable UUID id, @ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
            RedirectAttributes flash) {
        try {
            people.update(id, form.getVersion(), form.details());
            flash.addFlashAttribute("saved", true);
            return "redirect:/persons/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
        } catch (StaleVersionException e) {
            binding.reject("problem.conflict");
        }
        model.addAttribute("person", people.get(id));
        return "persons/form";
    }

    @PostMapping("/persons/{id}/household")
    @PreAuthorize("hasAnyRole('FRONT_DESK','SOCIAL_WORKER','SPECIALIST','TEAM_LEAD')")
    String startHousehold(@PathVariable UUID id) {
        people.get(id);
        households.create(null, List.of(new Households.MemberCommand(id, HouseholdRelation.REFERENCE_PERSON)));
        return "redirect:/persons/" + id;
    }

    /** Search for a citizen to add to this person's household. */
    @GetMapping("/persons/{id}/household/add")
    @PreAuthorize("hasAnyRole('FRONT_DESK','SOCIAL_WORKER','SPECIALIST','TEAM_LEAD')")
    String addMemberForm(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
        Person person = people.get(id);
        var household = households.currentOf(id).orElseThrow(() -> new be.loket.platform.NotFoundException("Household"));
        model.addAttribute("person", person);
        model.addAttribute("household", household);
        model.addAttribute("relations", HouseholdRelation.values());
        model.addAttribute("q", q);
        if (notBlank(q)) {
            var memberIds = household.members().stream().map(Households.Member::personId).toList();
            model.addAttribute("results", people.search(People.Query.of(q)).stream()
                    .filter(m -> !memberIds.contains(m.person().id())).toList());
        }
        return "persons/household-add";
    }

    @PostMapping("/persons/{id}/household/members")
    @PreAuthorize("hasAnyRole('FRONT_DESK','SOCIAL_WORKER','SPECIALIST','TEAM_LEAD')")
    String addMember(@PathVariable UUID id, @RequestParam UUID memberId, @RequestParam HouseholdRelation relation,
            @RequestParam long version, RedirectAttributes flash) {
        people.get(id);
        var household = households.currentOf(id).orElseThrow(() -> new be.loket.platform.NotFoundException("Household"));
        try {
            households.addMember(household.id(), version, new Households.MemberCommand(memberId, relation));
            flash.addFlashAttribute("saved", true);
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("conflict", true);
        }
        return "redirect:/persons/" + id;
    }

    /** Existence is checked before the role, so that another municipality's citizen is "not found", never "forbidden". */
    @GetMapping("/persons/{id}/audit")
    String audit(@PathVariable UUID id, Model model) {
        model.addAttribute("person", people.get(id));
        model.addAttribute("events", audit.trail("PERSON", id));
        return "persons/audit";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}

package be.loket.campaigns.web;

import be.loket.campaigns.internal.CampaignAccess;
import be.loket.campaigns.internal.Campaigns;
import be.loket.campaigns.internal.ContactAttempts;
import be.loket.campaigns.internal.ContactMethod;
import be.loket.campaigns.internal.Effectiveness;
import be.loket.campaigns.internal.LetterBatch;
import be.loket.campaigns.internal.Member;
import be.loket.campaigns.internal.Outcome;
import be.loket.campaigns.internal.TimeSlot;
import be.loket.identity.Directory;
import be.loket.outreach.Worklists;
import be.loket.person.People;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import be.loket.platform.Texts;
import be.loket.platform.web.FormErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for campaigns: start one from a worklist, its contact list, the letter batch, attempts and effectiveness. */
@Controller
class CampaignController {
    private final Campaigns campaigns;
    private final ContactAttempts attempts;
    private final LetterBatch letterBatch;
    private final Effectiveness effectiveness;
    private final Worklists worklists;
    private final Directory directory;
    private final Clock clock;

    CampaignController(Campaigns campaigns, ContactAttempts attempts, LetterBatch letterBatch, Effectiveness effectiveness,
            Worklists worklists, Directory directory, Clock clock) {
        this.campaigns = campaigns;
        this.attempts = attempts;
        this.letterBatch = letterBatch;
        this.effectiveness = effectiveness;
        this.worklists = worklists;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/campaigns")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list());
        return "campaigns/list";
    }

    @GetMapping("/campaigns/new")
    String newCampaign(@RequestParam(required = false) String list, Model model, Locale locale) {
        CampaignAccess.worker();
        if (Texts.trimToNull(list) == null) {
            model.addAttribute("worklists", worklists.lists(locale));
            return "campaigns/choose-worklist";
        }
        CampaignForm form = new CampaignForm();
        form.setWorklistKey(list);
        return form(model, form, locale);
    }

    @PostMapping("/campaigns")
    String create(@ModelAttribute("form") CampaignForm form, BindingResult binding, Model model, Locale locale,
            RedirectAttributes flash) {
        try {
            UUID id = campaigns.create(form.command(), locale);
            flash.addFlashAttribute("created", true);
            return "redirect:/campaigns/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
        }
        return form(model, form, locale);
    }

    private String form(Model model, CampaignForm form, Locale locale) {
        var info = worklists.lists(locale).stream().filter(l -> l.key().equals(form.getWorklistKey())).findFirst()
                .orElseThrow(() -> new be.loket.platform.NotFoundException("Worklist"));
        model.addAttribute("form", form);
        model.addAttribute("worklist", info);
        model.addAttribute("entries", worklists.entries(info.key(), locale));
        model.addAttribute("partners", directory.partners());
        model.addAttribute("methods", ContactMethod.values());
        model.addAttribute("maxVariants", Campaigns.MAX_VARIANTS);
        model.addAttribute("letterheadChoices", be.loket.letters.Letterhead.values());
        return "campaigns/form";
    }

    @GetMapping("/campaigns/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("campaign", campaigns.get(id));
        List<Member> members = campaigns.members(id);
        model.addAttribute("members", members);
        model.addAttribute("letters", members.stream().filter(m -> m.method() == ContactMethod.LETTER).count());
        model.addAttribute("unsent", members.stream().filter(m -> m.method() == ContactMethod.SMS || m.method() == ContactMethod.EMAIL)
                .filter(m -> m.sentAt() == null).count());
        model.addAttribute("tasks", members.stream().filter(Member::taskOpen).toList());
        return "campaigns/show";
    }

    @GetMapping("/campaigns/{id}/letters.pdf")
    Object letters(@PathVariable UUID id, RedirectAttributes flash) {
        try {
            LetterBatch.Batch batch = letterBatch.print(id);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(batch.fileName()).build().toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(batch.pdf());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problems", e.violations());
            return "redirect:/campaigns/" + id;
        }
    }

    @PostMapping("/campaigns/{id}/send")
    String send(@PathVariable UUID id, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("sent", campaigns.sendMessages(id));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problems", e.violations());
        }
        return "redirect:/campaigns/" + id;
    }

    @GetMapping("/campaigns/{id}/people/{memberId}")
    String person(@PathVariable UUID id, @PathVariable UUID memberId, Model model) {
        Member member = campaigns.member(id, memberId);
        AttemptForm form = new AttemptForm();
        form.setMethod(member.method().name());
        form.setDate(LocalDate.now(clock).toString());
        return person(model, id, member, form);
    }

    @PostMapping("/campaigns/{id}/people/{memberId}/attempts")
    String logAttempt(@PathVariable UUID id, @PathVariable UUID memberId, @ModelAttribute("form") AttemptForm form,
            BindingResult binding, Model model, Locale locale, RedirectAttributes flash) {
        try {
            attempts.log(id, memberId, form.command(), locale);
            flash.addFlashAttribute("logged", true);
            return "redirect:/campaigns/" + id + "/people/" + memberId;
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
        }
        return person(model, id, campaigns.member(id, memberId), form);
    }

    private String person(Model model, UUID campaignId, Member member, AttemptForm form) {
        model.addAttribute("campaign", campaigns.get(campaignId));
        model.addAttribute("member", member);
        model.addAttribute("attempts", attempts.attempts(campaignId, member.id()));
        model.addAttribute("form", form);
        model.addAttribute("methods", ContactMethod.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("slots", TimeSlot.values());
        return "campaigns/person";
    }

    @GetMapping("/campaigns/effectiveness")
    String effectiveness(@RequestParam(required = false) String campaign, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        List<FieldViolation> problems = new ArrayList<>();
        UUID campaignId = null;
        if (Texts.trimToNull(campaign) != null) {
            campaignId = campaigns.get(parseId(campaign)).id();
        }
        LocalDate fromDate = date(problems, "from", from);
        LocalDate toDate = date(problems, "to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.add(new FieldViolation("to", "campaigns.effectiveness.toBeforeFrom"));
        }
        model.addAttribute("campaigns", campaigns.list());
        model.addAttribute("campaign", campaignId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("problems", problems);
        model.addAttribute("report", problems.isEmpty() ? effectiveness.report(campaignId, fromDate, toDate) : null);
        return "campaigns/effectiveness";
    }

    private static UUID parseId(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new be.loket.platform.NotFoundException("Campaign");
        }
    }

    private static LocalDate date(List<FieldViolation> problems, String field, String text) {
        if (Texts.trimToNull(text) == null) {
            return null;
        }
        LocalDate d = People.parseDate(text).orElse(null);
        if (d == null) {
            problems.add(new FieldViolation(field, "validation.date"));
        }
        return d;
    }
}

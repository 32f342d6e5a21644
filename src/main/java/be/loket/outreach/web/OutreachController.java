package be.loket.outreach.web;

import be.loket.identity.Directory;
import be.loket.identity.Organisation;
import be.loket.outreach.ListType;
import be.loket.outreach.internal.Agreement;
import be.loket.outreach.internal.Agreements;
import be.loket.outreach.internal.ContactWorklist;
import be.loket.outreach.internal.ImportJobs;
import be.loket.outreach.internal.ImportingPartnerList;
import be.loket.outreach.internal.ListField;
import be.loket.outreach.internal.OutreachAccess;
import be.loket.outreach.internal.ReviewingMatches;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import be.loket.platform.web.FormErrors;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for partner lists: agreements, upload with mapping and preview, import results, the review
 * queue and the rent-arrears worklist. Access is decided in the services (partners get 404).
 */
@Controller
class OutreachController {
    private static final String MAP_PREFIX = "map.";
    private final Agreements agreements;
    private final ImportingPartnerList importing;
    private final ReviewingMatches reviewing;
    private final ContactWorklist worklist;
    private final ImportJobs jobs;
    private final Directory directory;

    OutreachController(Agreements agreements, ImportingPartnerList importing, ReviewingMatches reviewing, ContactWorklist worklist,
            ImportJobs jobs, Directory directory) {
        this.jobs = jobs;
        this.agreements = agreements;
        this.importing = importing;
        this.reviewing = reviewing;
        this.worklist = worklist;
        this.directory = directory;
    }

    @GetMapping("/outreach")
    String overview(Model model) {
        model.addAttribute("imports", importing.imports());
        model.addAttribute("jobs", jobs.recent().stream().filter(ImportJobs.Job::running).toList());
        model.addAttribute("reviewCount", reviewing.count());
        model.addAttribute("partners", partnerNames());
        return "outreach/overview";
    }

    @GetMapping("/outreach/agreements")
    String agreements(Model model) {
        model.addAttribute("agreements", agreements.list());
        return "outreach/agreements";
    }

    @GetMapping("/outreach/agreements/new")
    String newAgreement(Model model) {
        OutreachAccess.agreementManager();
        AgreementForm form = new AgreementForm();
        form.setFields(java.util.Arrays.stream(ListField.values()).map(Enum::name).toList());
        return agreementForm(model, form);
    }

    @PostMapping("/outreach/agreements")
    String recordAgreement(@ModelAttribute("form") AgreementForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        try {
            agreements.record(form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/outreach/agreements";
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
        }
        return agreementForm(model, form);
    }

    private String agreementForm(Model model, AgreementForm form) {
        model.addAttribute("form", form);
        model.addAttribute("partners", directory.partners());
        model.addAttribute("bases", Agreement.LegalBasis.values());
        model.addAttribute("listTypes", ListType.values());
        model.addAttribute("fields", ListField.values());
        return "outreach/agreement-form";
    }

    @GetMapping("/outreach/uploads/new")
    String uploadForm(Model model) {
        model.addAttribute("agreements", agreements.active());
        model.addAttribute("listTypes", ListType.values());
        return "outreach/upload";
    }

    @PostMapping("/outreach/uploads")
    String upload(@RequestParam(required = false) UUID agreementId, @RequestParam(required = false) String listType,
            @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        try {
            UUID id = importing.upload(agreementId, listType, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            return "redirect:/outreach/uploads/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("violations", e.violations());
            model.addAttribute("agreementId", agreementId);
            model.addAttribute("listType", listType);
            return uploadForm(model);
        }
    }

    @GetMapping("/outreach/uploads/{id}")
    String preview(@PathVariable UUID id, Model model) {
        return preview(model, importing.preview(id, null));
    }

    /** Applies the mapping the user chose, remembers it for the partner and shows the preview again. */
    @PostMapping("/outreach/uploads/{id}/mapping")
    String remap(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model) {
        Map<ListField, String> mapping = mapping(params);
        if (mapping == null) {
            return preview(model, importing.preview(id, null));
        }
        importing.saveMapping(id, mapping);
        model.addAttribute("mappingSaved", true);
        return preview(model, importing.preview(id, mapping));
    }

    /** The user's choice becomes a background job; its page shows the progress (the user may leave and come back). */
    @PostMapping("/outreach/uploads/{id}/import")
    String importUpload(@PathVariable UUID id, @RequestParam Map<String, String> params) {
        Map<ListField, String> mapping = mapping(params);
        ImportingPartnerList.Mode mode = "VALID_ONLY".equals(params.get("mode")) ? ImportingPartnerList.Mode.VALID_ONLY
                : ImportingPartnerList.Mode.ALL;
        return "redirect:/outreach/jobs/" + jobs.queue(id, mapping, mode);
    }

    @PostMapping("/outreach/uploads/{id}/discard")
    String discard(@PathVariable UUID id) {
        importing.discard(id);
        return "redirect:/outreach";
    }

    private String preview(Model model, ImportingPartnerList.Preview preview) {
        model.addAttribute("p", preview);
        return "outreach/preview";
    }

    /** The mapping posted with the form; null (use the saved or guessed one) when the form sent none. */
    private static Map<ListField, String> mapping(Map<String, String> params) {
        if (params.keySet().stream().noneMatch(k -> k.startsWith(MAP_PREFIX))) {
            return null;
        }
        Map<ListField, String> mapping = new EnumMap<>(ListField.class);
        params.forEach((k, v) -> {
            if (k.startsWith(MAP_PREFIX) && v != null && !v.isBlank()) {
                for (ListField f : ListField.values()) {
                    if (f.name().equals(k.substring(MAP_PREFIX.length()))) {
                        mapping.put(f, v);
                    }
                }
            }
        });
        return mapping;
    }

    @GetMapping("/outreach/imports/{id}")
    String result(@PathVariable UUID id, Model model) {
        model.addAttribute("r", importing.result(id));
        model.addAttribute("partners", partnerNames());
        return "outreach/import";
    }

    @GetMapping("/outreach/review")
    String review(Model model) {
        model.addAttribute("items", reviewing.queue());
        return "outreach/review";
    }

    @PostMapping("/outreach/review/{rowId}")
    String decide(@PathVariable UUID rowId, @RequestParam String decision, RedirectAttributes flash) {
        try {
            switch (decision) {
                case "confirm" -> reviewing.confirm(rowId);
                case "reject" -> reviewing.reject(rowId);
                case "create" -> reviewing.createPerson(rowId);
                case "dismiss" -> reviewing.dismiss(rowId);
                default -> throw new InvalidInputException(new FieldViolation("decision", "validation.choice"));
            }
            flash.addFlashAttribute("done", decision);
        } catch (InvalidInputException e) {
            // Flash attributes live in the JDBC session: keep them to serialisable strings.
            flash.addFlashAttribute("problems", e.violations().stream().map(FieldViolation::messageKey).toList());
        }
        return "redirect:/outreach/review";
    }

    @GetMapping("/outreach/worklist")
    String worklist(@RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("entries", worklist.entries(all));
        model.addAttribute("all", all);
        return "outreach/worklist";
    }

    @PostMapping("/outreach/worklist/{id}")
    String setStatus(@PathVariable UUID id, @RequestParam String status) {
        worklist.setStatus(id, status);
        return "redirect:/outreach/worklist";
    }

    private Map<UUID, String> partnerNames() {
        return directory.organisations().stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
    }

}

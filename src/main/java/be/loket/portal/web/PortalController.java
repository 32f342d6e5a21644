package be.loket.portal.web;

import be.loket.letters.SentLetters.LetterPdf;
import be.loket.person.ContactChannel;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import be.loket.platform.StaleVersionException;
import be.loket.portal.CitizenPortal;
import be.loket.portal.CitizenPrincipal;
import be.loket.portal.PersonalLinks;
import be.loket.platform.security.SecurityConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's pages for a logged-in citizen. Ids in the address are only ever looked up together
 * with the citizen's own person id, so another citizen's record answers 404. A revoked or expired
 * link ends the login at the next request.
 */
@Controller
class PortalController {
    private final CitizenPortal portal;
    private final PersonalLinks links;
    private final MessageSource messages;

    PortalController(CitizenPortal portal, PersonalLinks links, MessageSource messages) {
        this.portal = portal;
        this.links = links;
        this.messages = messages;
    }

    /** Thrown when the link behind a login was revoked or expired; the advice logs the citizen out. */
    static final class LinkEnded extends RuntimeException {
        LinkEnded() {
            super("Portal link ended", null, false, false);
        }
    }

    @GetMapping({"/portal", "/portal/home"})
    String home(Authentication auth, Model model) {
        CitizenPrincipal c = citizen(auth);
        return home(c, model);
    }

    private String home(CitizenPrincipal c, Model model) {
        model.addAttribute("person", portal.me(c));
        model.addAttribute("applications", portal.applications(c));
        return Pages.page(model, "/portal/home", "portal/home");
    }

    @PostMapping("/portal/applications/{applicationId}/proofs/{proofId}")
    String upload(@PathVariable UUID applicationId, @PathVariable UUID proofId,
            @RequestParam(required = false) MultipartFile photo, @RequestParam(required = false) MultipartFile file,
            Authentication auth, Model model, RedirectAttributes flash, HttpServletResponse response) throws IOException {
        CitizenPrincipal c = citizen(auth);
        MultipartFile chosen = photo != null && !photo.isEmpty() ? photo : file;
        try {
            if (chosen == null || chosen.isEmpty() && (chosen.getOriginalFilename() == null || chosen.getOriginalFilename().isBlank())) {
                throw new InvalidInputException(new FieldViolation("file", "portal.upload.none"));
            }
            portal.uploadProof(c, applicationId, proofId, chosen.getOriginalFilename(), chosen.getBytes());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadProof", proofId);
            model.addAttribute("uploadErrors", e.violations().stream()
                    .map(v -> messages.getMessage(v.messageKey(), v.args().toArray(), LocaleContextHolder.getLocale())).toList());
            return home(c, model);
        }
        flash.addFlashAttribute("uploaded", true);
        return "redirect:/portal/home";
    }

    @GetMapping("/portal/applications")
    String applications(Authentication auth, Model model) {
        CitizenPrincipal c = citizen(auth);
        model.addAttribute("person", portal.me(c));
        model.addAttribute("applications", portal.applications(c));
        return Pages.page(model, "/portal/applications", "portal/applications");
    }

    @GetMapping("/portal/letters")
    String letters(Authentication auth, Model model) {
        CitizenPrincipal c = citizen(auth);
        model.addAttribute("person", portal.me(c));
        model.addAttribute("letters", portal.letters(c));
        return Pages.page(model, "/portal/letters", "portal/letters");
    }

    @GetMapping("/portal/letters/{letterId}")
    ResponseEntity<byte[]> letter(@PathVariable UUID letterId, Authentication auth) {
        LetterPdf pdf = portal.letter(citizen(auth), letterId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.fileName()).build().toString())
                .cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff").body(pdf.pdf());
    }

    @GetMapping("/portal/contact")
    String contact(Authentication auth, Model model) {
        CitizenPrincipal c = citizen(auth);
        Person p = portal.me(c);
        return contactPage(model, p, new CitizenPortal.ContactPreferences(p.preferredChannel().name(), p.phone(), p.email(), p.language()),
                p.version(), Map.of());
    }

    @PostMapping("/portal/contact")
    String saveContact(@RequestParam long version, @RequestParam(defaultValue = "") String preferredChannel,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String language, Authentication auth, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        CitizenPrincipal c = citizen(auth);
        var prefs = new CitizenPortal.ContactPreferences(preferredChannel, phone, email, language);
        try {
            portal.changeContact(c, version, prefs);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation v : e.violations()) {
                errors.putIfAbsent(v.field(), messages.getMessage(v.messageKey(), v.args().toArray(), LocaleContextHolder.getLocale()));
            }
            return contactPage(model, portal.me(c), prefs, version, errors);
        } catch (StaleVersionException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            Person p = portal.me(c);
            return contactPage(model, p, prefs, p.version(), Map.of("form", messages.getMessage("portal.contact.stale", null,
                    LocaleContextHolder.getLocale())));
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/portal/contact";
    }

    private String contactPage(Model model, Person p, CitizenPortal.ContactPreferences prefs, long version, Map<String, String> errors) {
        model.addAttribute("person", p);
        model.addAttribute("prefs", prefs);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("channels", ContactChannel.values());
        model.addAttribute("languages", List.copyOf(new java.util.TreeSet<>(People.LANGUAGES)));
        return Pages.page(model, "/portal/contact", "portal/contact");
    }

    /** The logged-in citizen, as long as the link they logged in with is still valid. */
    private CitizenPrincipal citizen(Authentication auth) {
        if (auth == null || !(auth.getPrincipal() instanceof CitizenPrincipal c)) {
            throw new LinkEnded();
        }
        if (links.valid(c.linkId()).isEmpty()) {
            throw new LinkEnded();
        }
        return c;
    }

    static void logOut(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        SecurityConfig.portalContextRepository().saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    }
}

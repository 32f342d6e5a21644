package be.loket.letters.web;

import be.loket.identity.Directory;
import be.loket.letters.Letterheads;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page for the municipality's letterhead logo (/admin is ADMIN only; the service checks again). */
@Controller
@RequestMapping("/admin/letterhead")
class LetterheadController {
    private final Letterheads letterheads;
    private final Directory directory;

    LetterheadController(Letterheads letterheads, Directory directory) {
        this.letterheads = letterheads;
        this.directory = directory;
    }

    @GetMapping
    String page(Model model) {
        return page(model, List.of());
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes flash,
            jakarta.servlet.http.HttpServletResponse response) throws IOException {
        try {
            letterheads.upload(file == null ? null : file.getBytes());
            flash.addFlashAttribute("saved", "letters.logo.saved");
            return "redirect:/admin/letterhead";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, e.violations());
        }
    }

    @PostMapping("/remove")
    String remove(RedirectAttributes flash) {
        letterheads.remove();
        flash.addFlashAttribute("saved", "letters.logo.removed");
        return "redirect:/admin/letterhead";
    }

    private String page(Model model, List<FieldViolation> violations) {
        model.addAttribute("logo", letterheads.logo().orElse(null));
        model.addAttribute("municipality", directory.currentTenant().name());
        model.addAttribute("maxKilobytes", Letterheads.maxKilobytes());
        model.addAttribute("violations", violations);
        return "letters/letterhead";
    }
}

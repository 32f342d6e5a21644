package be.loket.letters.web;

import be.loket.letters.internal.PrintQueue;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The letters page: what waits to be printed and posted (own services only; partners never see it). */
@Controller
@PreAuthorize("hasAnyRole('FRONT_DESK','SOCIAL_WORKER','SPECIALIST','TEAM_LEAD','ADMIN')")
class PrintQueueController {
    private final PrintQueue queue;

    PrintQueueController(PrintQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/letters")
    String waiting(Model model) {
        model.addAttribute("items", queue.waiting());
        return "letters/print-queue";
    }

    @GetMapping("/letters/print-queue/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("brief-" + id + ".pdf").build().toString())
                .body(queue.pdf(id));
    }

    @PostMapping("/letters/print-queue/{id}/printed")
    String printed(@PathVariable UUID id, RedirectAttributes flash) {
        queue.markPrinted(id);
        flash.addFlashAttribute("printed", true);
        return "redirect:/letters";
    }
}

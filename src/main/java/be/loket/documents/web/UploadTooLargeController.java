package be.loket.documents.web;

import java.net.URI;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page an oversized upload from a form lands on (see {@link OversizedUploadFilter}). */
@Controller
class UploadTooLargeController {
    private final UploadLimits limits;

    UploadTooLargeController(UploadLimits limits) {
        this.limits = limits;
    }

    @GetMapping("/documents/too-large")
    String tooLarge(@RequestParam(required = false) String back, Model model) {
        model.addAttribute("message", limits.message(LocaleContextHolder.getLocale()));
        model.addAttribute("back", safeBack(back, ""));
        return "documents/upload-too-large";
    }

    /** Only a path on this site (never another host), so the link back cannot be abused as an open redirect. */
    static String safeBack(String url, String contextPath) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
                return null;
            }
            if (!contextPath.isEmpty() && path.startsWith(contextPath)) {
                path = path.substring(contextPath.length());
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

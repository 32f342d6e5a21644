package be.loket.portal.web;

import be.loket.portal.PersonalLinks;
import be.loket.portal.PortalLogin;
import be.loket.platform.security.SecurityConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The way in: the personal link puts the link (never the token) in the session and leaves the address
 * bar; the citizen asks for a code, which goes to the phone or e-mail on record, and types it in. A
 * right code logs in with a new session id. Sending is a POST, so a mail program that opens links to
 * preview them sends no code.
 */
@Controller
class PortalLoginController {
    static final String PENDING = "loket.portal.pendingLink";

    private final PersonalLinks links;
    private final PortalLogin login;
    private final SecurityContextRepository contexts = SecurityConfig.portalContextRepository();

    PortalLoginController(PersonalLinks links, PortalLogin login) {
        this.links = links;
        this.login = login;
    }

    @GetMapping("/portal/l/{token}")
    String open(@PathVariable String token, HttpSession session, Model model, HttpServletResponse response) {
        Optional<PersonalLinks.Link> link = links.resolve(token);
        if (link.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return linkInvalid(model);
        }
        session.setAttribute(PENDING, link.get().id());
        return "redirect:/portal/login";
    }

    @GetMapping("/portal/login")
    String start(HttpSession session, Model model, HttpServletResponse response) {
        Optional<PersonalLinks.Link> link = pending(session);
        if (link.isEmpty()) {
            return linkInvalid(model);
        }
        model.addAttribute("recipient", login.recipient(link.get()));
        return Pages.page(model, "/portal/login", "portal/login");
    }

    @PostMapping("/portal/login/send")
    String send(HttpSession session, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<PersonalLinks.Link> link = pending(session);
        if (link.isEmpty()) {
            return linkInvalid(model);
        }
        PortalLogin.Sent sent = login.sendCode(link.get(), request.getRemoteAddr());
        if (sent == PortalLogin.Sent.SENT) {
            return "redirect:/portal/login/code?sent";
        }
        response.setStatus(sent == PortalLogin.Sent.LINK_LIMIT || sent == PortalLogin.Sent.CLIENT_LIMIT
                ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("problem", "portal.send." + sent.name());
        model.addAttribute("codesPerHour", login.codesPerLinkPerHour());
        model.addAttribute("recipient", login.recipient(link.get()));
        return Pages.page(model, "/portal/login", "portal/login");
    }

    @GetMapping("/portal/login/code")
    String codeForm(@RequestParam(required = false) String sent, HttpSession session, Model model) {
        Optional<PersonalLinks.Link> link = pending(session);
        if (link.isEmpty()) {
            return linkInvalid(model);
        }
        model.addAttribute("recipient", login.recipient(link.get()));
        model.addAttribute("sent", sent != null);
        model.addAttribute("minutes", login.codeMinutes());
        return Pages.page(model, "/portal/login/code", "portal/code");
    }

    @PostMapping("/portal/login/code")
    String verify(@RequestParam(defaultValue = "") String code, HttpSession session, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<PersonalLinks.Link> link = pending(session);
        if (link.isEmpty()) {
            return linkInvalid(model);
        }
        PortalLogin.Verification v = login.verify(link.get(), code, request.getRemoteAddr());
        if (v.outcome() == PortalLogin.Checked.OK) {
            request.changeSessionId(); // no session fixation: the id before the login is worthless after it
            request.getSession().removeAttribute(PENDING);
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(v.citizen().authentication());
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            return "redirect:/portal/home";
        }
        response.setStatus(v.outcome() == PortalLogin.Checked.CLIENT_LIMIT ? HttpStatus.TOO_MANY_REQUESTS.value()
                : HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problem", "portal.verify." + v.outcome().name());
        model.addAttribute("triesLeft", v.triesLeft());
        model.addAttribute("recipient", login.recipient(link.get()));
        model.addAttribute("sent", false);
        model.addAttribute("minutes", login.codeMinutes());
        model.addAttribute("maxWrong", login.maxWrong());
        return Pages.page(model, "/portal/login/code", "portal/code");
    }

    @PostMapping("/portal/logout")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        PortalController.logOut(request, response);
        return "redirect:/portal/login/bye";
    }

    @GetMapping("/portal/login/bye")
    String bye(Model model) {
        return Pages.page(model, "/portal/login/bye", "portal/bye");
    }

    private Optional<PersonalLinks.Link> pending(HttpSession session) {
        return session.getAttribute(PENDING) instanceof UUID id ? links.valid(id) : Optional.empty();
    }

    /** The page for a link that no longer works; it names the configured validity of a link, not a fixed number. */
    private String linkInvalid(Model model) {
        model.addAttribute("linkDays", links.validityDays());
        return Pages.page(model, "/portal/login", "portal/link-invalid");
    }
}

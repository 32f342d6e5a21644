package be.loket.identity.web;

import be.loket.identity.Directory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Login page and the start page, whose shortcuts depend on the user's roles. */
@Controller
class HomeController {
    private final Directory directory;

    HomeController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("tenant", directory.currentTenant());
        return "home";
    }
}

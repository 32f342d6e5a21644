package be.loket.portal.web;

import org.springframework.ui.Model;

/** Every portal page names its own address (for the language switch, also after a form was posted). */
final class Pages {
    private Pages() {
    }

    static String page(Model model, String here, String view) {
        model.addAttribute("here", here);
        return view;
    }
}

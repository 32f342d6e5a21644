package be.loket.portal.web;

import be.loket.applications.Applications;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.portal.PortalInvitations;
import be.loket.portal.PortalLogin;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The worker's "send portal link" button (staff UI, outside /portal/**): back to the application it was pressed on. */
@Controller
class PortalLinkStaffController {
    private final PortalInvitations invitations;

    PortalLinkStaffController(PortalInvitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/portal-links/{personId}")
    String send(@PathVariable UUID personId, @RequestParam(required = false) UUID application, RedirectAttributes flash) {
        if (!Applications.isWorker(CurrentActor.get())) {
            throw new NotFoundException("Person");
        }
        PortalLogin.Recipient to = invitations.send(personId);
        if (to == null) {
            flash.addFlashAttribute("portalLinkNone", true);
        } else {
            flash.addFlashAttribute("portalLinkSent", to.masked());
        }
        return application == null ? "redirect:/persons/" + personId : "redirect:/applications/" + application;
    }
}

package be.loket.identity.web;

import be.loket.identity.Directory;
import be.loket.identity.OrganisationType;
import be.loket.identity.StaffUser;
import be.loket.identity.UserAdministration;
import be.loket.identity.UserAdministration.OrganisationCommand;
import be.loket.identity.UserAdministration.UserCommand;
import be.loket.platform.InvalidInputException;
import be.loket.platform.Role;
import be.loket.platform.StaleVersionException;
import be.loket.platform.web.FormErrors;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's pages for staff and organisations of their own municipality (/admin is ADMIN only). */
@Controller
@RequestMapping("/admin")
class AdminController {
    private final Directory directory;
    private final UserAdministration admin;
    private final Clock clock;

    AdminController(Directory directory, UserAdministration admin, Clock clock) {
        this.directory = directory;
        this.admin = admin;
        this.clock = clock;
    }

    public static class UserForm {
        private String username;
        private String displayName;
        private String email;
        private String language = "nl";
        private UUID organisationId;
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        private boolean enabled = true;
        private String newPassword;
        private long version;

        UserCommand command() {
            return new UserCommand(username, displayName, email, language, organisationId, roles, enabled, newPassword);
        }

        static UserForm of(StaffUser u) {
            var f = new UserForm();
            f.username = u.username();
            f.displayName = u.displayName();
            f.email = u.email();
            f.language = u.language();
            f.organisationId = u.organisationId();
            f.roles = u.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.roles());
            f.enabled = u.enabled();
            f.version = u.version();
            return f;
        }

        public String getUsername() { return username; }
        public void setUsername(String v) { username = v; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String v) { displayName = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public String getLanguage() { return language; }
        public void setLanguage(String v) { language = v; }
        public UUID getOrganisationId() { return organisationId; }
        public void setOrganisationId(UUID v) { organisationId = v; }
        public Set<Role> getRoles() { return roles; }
        public void setRoles(Set<Role> v) { roles = v == null ? EnumSet.noneOf(Role.class) : v; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean v) { enabled = v; }
        public String getNewPassword() { return newPassword; }
        public void setNewPassword(String v) { newPassword = v; }
        public long getVersion() { return version; }
        public void setVersion(long v) { version = v; }
    }

    public static class OrganisationForm {
        private String name;
        private OrganisationType type;
        private String email;
        private String phone;
        private boolean active = true;
        private long version;

        OrganisationCommand command() {
            return new OrganisationCommand(name, type, email, phone, active);
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public OrganisationType getType() { return type; }
        public void setType(OrganisationType v) { type = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public boolean isActive() { return active; }
        public void setActive(boolean v) { active = v; }
        public long getVersion() { return version; }
        public void setVersion(long v) { version = v; }
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", directory.users());
        model.addAttribute("now", OffsetDateTime.now(clock));
        return "admin/users";
    }

    @GetMapping("/users/new")
    String newUser(Model model) {
        return userForm(model, new UserForm(), null);
    }

    @PostMapping("/users")
    String createUser(@ModelAttribute("form") UserForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        try {
            admin.createUser(form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
            return userForm(model, form, null);
        }
    }

    @GetMapping("/users/{id}")
    String editUser(@PathVariable UUID id, Model model) {
        StaffUser user = directory.user(id);
        return userForm(model, UserForm.of(user), user);
    }

    @PostMapping("/users/{id}")
    String updateUser(@PathVariable UUID id, @ModelAttribute("form") UserForm form, BindingResult binding, Model model,
            RedirectAttributes flash) {
        StaffUser user = directory.user(id);
        form.setUsername(user.username());
        try {
            admin.updateUser(id, form.getVersion(), form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
        } catch (StaleVersionException e) {
            binding.reject("problem.conflict");
        }
        return userForm(model, form, user);
    }

    @PostMapping("/users/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes flash) {
        admin.unlock(id);
        flash.addFlashAttribute("saved", true);
        return "redirect:/admin/users";
    }

    private String userForm(Model model, UserForm form, StaffUser user) {
        model.addAttribute("form", form);
        model.addAttribute("user", user);
        model.addAttribute("organisations", directory.organisations());
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("languages", new String[] {"nl", "fr", "en"});
        return "admin/user-form";
    }

    @GetMapping("/organisations")
    String organisations(Model model) {
        model.addAttribute("organisations", directory.organisations());
        model.addAttribute("sites", directory.sites());
        return "admin/organisations";
    }

    @GetMapping("/organisations/new")
    String newOrganisation(Model model) {
        return organisationForm(model, new OrganisationForm(), null);
    }

    @PostMapping("/organisations")
    String createOrganisation(@ModelAttribute("form") OrganisationForm form, BindingResult binding, Model model,
            RedirectAttributes flash) {
        try {
            admin.createOrganisation(form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/admin/organisations";
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
            return organisationForm(model, form, null);
        }
    }

    @GetMapping("/organisations/{id}")
    String editOrganisation(@PathVariable UUID id, Model model) {
        var org = directory.organisation(id);
        var form = new OrganisationForm();
        form.setName(org.name());
        form.setType(org.type());
        form.setEmail(org.email());
        form.setPhone(org.phone());
        form.setActive(org.active());
        form.setVersion(org.version());
        return organisationForm(model, form, id);
    }

    @PostMapping("/organisations/{id}")
    String updateOrganisation(@PathVariable UUID id, @ModelAttribute("form") OrganisationForm form, BindingResult binding,
            Model model, RedirectAttributes flash) {
        try {
            admin.updateOrganisation(id, form.getVersion(), form.command());
            flash.addFlashAttribute("saved", true);
            return "redirect:/admin/organisations";
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
        } catch (StaleVersionException e) {
            binding.reject("problem.conflict");
        }
        return organisationForm(model, form, id);
    }

    private String organisationForm(Model model, OrganisationForm form, UUID id) {
        model.addAttribute("form", form);
        model.addAttribute("organisationId", id);
        model.addAttribute("types", OrganisationType.values());
        return "admin/organisation-form";
    }
}

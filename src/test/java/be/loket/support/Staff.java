package be.loket.support;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs MockMvc requests in as a demo user for the staff UI, with the real principal (tenant, roles). */
public final class Staff {
    private Staff() {
    }

    public static RequestPostProcessor as(UserDetailsService users, String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }
}

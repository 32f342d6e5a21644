package be.loket.applications;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import be.loket.platform.InvalidInputException;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the tests of applications, committee and decision letters share: the applications service and
 * {@link ApplicationFixtures} built once per test. Only fields and helpers: subclasses keep their own
 * {@code @LoketTest}, so they all run in the one shared Spring context.
 */
public abstract class ApplicationTestBase extends WebTestBase {
    @Autowired
    protected Applications applications;
    protected ApplicationFixtures fx;

    @BeforeEach
    void applicationFixtures() {
        fx = new ApplicationFixtures(applications, jdbc, users);
    }

    /** The message key of the first field error of an {@link InvalidInputException}. */
    protected static String violation(Throwable e) {
        return ((InvalidInputException) e).violations().get(0).messageKey();
    }

    /** A page request by a demo staff member, with CSRF token, in Dutch. */
    protected MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder r) {
        return r.with(Staff.as(users, user)).with(csrf()).header("Accept-Language", "nl");
    }
}

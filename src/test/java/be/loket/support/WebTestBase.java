package be.loket.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** What most web tests need: MockMvc, direct SQL to check what was (not) saved, and the demo staff. */
public abstract class WebTestBase {
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected UserDetailsService users;
}

package be.loket.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One Chromium per browser test class, the server's address, and SQL to look up demo records. */
public abstract class BrowserTestBase {
    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    protected String base() {
        return "http://localhost:" + port;
    }
}

package be.loket.support;

import com.microsoft.playwright.Page;
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

    /** A new browser context on this server, logged in as the demo user (password demo). */
    protected Page loggedIn(String username) {
        Page page = browser.newPage(base());
        Browser.logIn(page, username, "demo");
        return page;
    }
}

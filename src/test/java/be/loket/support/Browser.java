package be.loket.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Debian's Chromium driven by Playwright, plus axe-core. Missing Chromium is a failure, not a skip:
 * CI installs it (see .ci/run).
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LOKET_CHROMIUM", "/usr/bin/chromium"));
    private static final List<String> ARGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium not found at " + CHROMIUM + ": install it (apt-get install -y chromium)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(ARGS));
    }

    /** A fresh, isolated browser session (own cookies) with Dutch as the browser language. */
    public Page newPage(String baseUrl) {
        BrowserContext context = browser.newContext(new NewContextOptions().setBaseURL(baseUrl).setLocale("nl-BE"));
        return context.newPage();
    }

    public static void logIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("Gebruikersnaam").fill(username);
        page.getByLabel("Wachtwoord").fill(password);
        page.locator("form.stacked button[type=submit]").click();
        page.waitForLoadState();
    }

    /** Fails with a readable list when axe-core finds a WCAG 2.1 A or AA violation on the page. */
    public static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        List<Rule> violations = results.getViolations();
        String report = violations.stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " -> " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("axe-core violations on %s:%n%s", page.url(), report).isEmpty();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

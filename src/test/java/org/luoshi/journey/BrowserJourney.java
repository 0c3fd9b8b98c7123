package org.luoshi.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the browser journeys: the whole application on a random port, driven by Playwright in
 * Debian's Chromium. Without Chromium the journeys are skipped with a message, unless
 * LUOSHI_BROWSER_TESTS=required (as in CI), where a missing browser fails the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class BrowserJourney {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LUOSHI_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "Browser journeys skipped: no Chromium at " + CHROMIUM
                    + " (apt-get install chromium, or set LUOSHI_CHROMIUM)";
            if ("required".equals(System.getenv("LUOSHI_BROWSER_TESTS"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900)
                // Bootstrap scrolls smoothly unless motion is reduced: a click after Playwright scrolled an
                // element into view could land while the page still moved ("did not change its state")
                .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    /**
     * Runs a user action and returns the times a page may show for it: the Beijing minute (as
     * "yyyy-MM-dd HH:mm") at its start and at its end, which differ when the action spans a minute.
     * With the JVM in UTC (CI's second run) a page formatting in the JVM's zone shows neither.
     */
    List<String> beijingMinutesOf(Runnable action) {
        java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.of("Asia/Shanghai"));
        java.time.Instant before = clock.instant();
        action.run();
        java.time.Instant after = clock.instant();
        return List.of(minute.format(before), minute.format(after));
    }

    /** From here on the journey runs on a phone's screen (390 × 844), signed out. */
    void onPhone() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true)
                .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE));
        page = context.newPage();
    }

    /** From here on the journey runs on a common office screen (1366 × 768), signed out. */
    void onDesktop() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1366, 768)
                .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE));
        page = context.newPage();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(String username, String password) {
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button[type=submit]");
        page.waitForURL(u -> !u.contains("/login"));
        assertThat(page.url()).doesNotContain("/login");
    }

    /** Every key of the message bundles: a page showing one as text shows a raw key instead of its words. */
    static final java.util.Set<String> MESSAGE_KEYS = messageKeys();

    private static java.util.Set<String> messageKeys() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        try (var files = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("_zh_CN.properties")).toList()) {
                java.util.Properties properties = new java.util.Properties();
                try (var in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                keys.addAll(properties.stringPropertyNames());
            }
            java.util.Properties root = new java.util.Properties();
            try (var in = Files.newBufferedReader(Path.of("src/main/resources/messages_zh_CN.properties"),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                root.load(in);
            }
            keys.addAll(root.stringPropertyNames());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Keys made of one word ("opening" aside) are too likely to be ordinary text to be told apart.
        keys.removeIf(k -> !k.contains("."));
        return keys;
    }

    /**
     * The shared check every journey calls on the zh-CN pages it reaches: no error page, no literal
     * Java escape such as (backslash, u, four hex digits) (a Thymeleaf literal does not read them), no unresolved
     * message ({@code ??key_zh_CN??}) and no message key shown as text. It reads the visible text and
     * the text of every option, placeholder, title and button value, since a select's options or a
     * placeholder are where such leaks hid.
     */
    void assertCleanPage() {
        assertThat(page.locator("#error-page").count()).as("error page at %s", page.url()).isZero();
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) page.evaluate("""
                () => [document.title, document.body.innerText,
                       ...[...document.querySelectorAll('option')].map(o => o.textContent),
                       ...[...document.querySelectorAll('[placeholder],[title],[aria-label],[data-label],input[type=submit],input[type=button]')]
                          .flatMap(e => [e.getAttribute('placeholder'), e.getAttribute('title'), e.getAttribute('aria-label'),
                                         e.getAttribute('data-label'), e.type === 'submit' || e.type === 'button' ? e.value : null])
                          .filter(v => v)]""");
        java.util.regex.Pattern escape = java.util.regex.Pattern.compile("\\\\u[0-9a-fA-F]{4}");
        java.util.regex.Pattern token = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+");
        for (String text : texts) {
            assertThat(escape.matcher(text).find()).as("literal escape at %s in: %s", page.url(), text).isFalse();
            assertThat(text).as("unresolved message at %s", page.url()).doesNotContainPattern("\\?\\?[^?\\s]+\\?\\?");
            java.util.regex.Matcher m = token.matcher(text);
            while (m.find()) {
                assertThat(MESSAGE_KEYS).as("raw message key at %s in: %s", page.url(), text).doesNotContain(m.group());
            }
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}

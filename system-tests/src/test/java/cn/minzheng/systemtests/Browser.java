package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven offline by Debian's chromedriver (no download, no network of its own), a fresh profile
 * each time. {@link #check} leaves a screenshot of the page and runs axe-core on it: no serious or critical
 * violation may remain, and each page's result is written beside the screenshots.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = StackRoot.path("system-tests/target/workbench-screenshots");

    final ChromeDriver driver;
    private final Path profile;
    private final boolean javascript;

    private Browser(ChromeDriver driver, Path profile, boolean javascript) {
        this.driver = driver;
        this.profile = profile;
        this.javascript = javascript;
    }

    static Browser open(boolean javascript, int width) {
        assertThat(CHROMIUM).as("Chromium is missing: ./mz test installs it (apt-get install chromium "
                + "chromium-driver fonts-wqy-microhei)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver is missing: ./mz test installs it").isExecutable();
        try {
            Files.createDirectories(SHOTS);
            Path profile = Files.createTempDirectory("mz-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-default-apps", "--lang=zh-CN",
                    "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + ",900");
            if (!javascript) {
                options.addArguments("--blink-settings=scriptEnabled=false");
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().window().setSize(new Dimension(width, 900));
            return new Browser(driver, profile, javascript);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real Keycloak login page, as a person meets it: the portal sends the browser there and back. */
    void login(String portal, String username) {
        driver.get(portal + "/");
        waitFor(By.cssSelector("a[href='/oauth2/authorization/keycloak']")).click();
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(KeycloakTokens.DEMO_PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        // Spring Security sends the person back to the page they asked for (with "?continue").
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches(
                java.util.regex.Pattern.quote(portal + "/") + "(\\?continue)?$"));
    }

    /** The element, once there; if it never comes, the failure names the page and what it says (and a screenshot). */
    WebElement waitFor(By by) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("failed-wait.png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException ignored) {
                // The page's text below says enough.
            }
            throw new AssertionError("no " + by + " on " + driver.getCurrentUrl() + ", which says: "
                    + driver.findElements(By.cssSelector(".alert, .field-error, h1")).stream()
                            .map(element -> element.getAttribute("id") + " " + element.getText()).toList(), e);
        }
    }

    /**
     * The confirmation an act just led to, saying {@code text}: waiting for any confirmation could find the one left
     * on the page the act was sent from, which the navigation then replaces.
     */
    void waitForDone(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.done"), text));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** A screenshot under target/workbench-screenshots and axe-core's verdict on the page as it is now. */
    void check(String page) {
        try {
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!javascript) {
            return;
        }
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        String line = "%s\t%s\tviolations=%d\tserious-or-critical=%d\tpasses=%d\t%s%n".formatted(page,
                driver.getCurrentUrl(), results.getViolations().size(), blocking.size(), results.getPasses().size(),
                results.getViolations().stream().map(rule -> rule.getId() + "(" + rule.getImpact() + ")").toList());
        try {
            Files.writeString(SHOTS.resolve("axe-results.tsv"), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(blocking).as("axe-core on %s: %s", page, blocking.stream()
                .map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).toList()).toList()).isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A temporary profile left behind is harmless.
        }
    }
}

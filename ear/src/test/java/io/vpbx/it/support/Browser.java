package io.vpbx.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver), with a fresh profile, driven
 * through Selenium. Waits are bounded and explicit; nothing sleeps.
 */
public final class Browser implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Path profile;
    private final ChromeDriver driver;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    public static Browser open() {
        try {
            Path profile = Files.createTempDirectory("vpbx-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromiumBinary());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--no-first-run",
                    "--window-size=1400,1000",
                    "--lang=ru",
                    "--user-data-dir=" + profile);
            ChromeDriverService service =
                    new ChromeDriverService.Builder()
                            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                            .usingAnyFreePort()
                            .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(profile, driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String chromiumBinary() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Chromium is not installed (bin/vpbx test installs it)");
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a console path such as {@code /group/login.xhtml}. */
    public Browser go(String path) {
        driver.get(ItSettings.baseUrl() + path);
        return this;
    }

    public WebElement find(String cssSelector) {
        return new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    public WebElement xpath(String expression) {
        return new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.xpath(expression)));
    }

    public List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    /** The element with the given (Faces) id, e.g. {@code loginForm:login}. */
    public WebElement id(String id) {
        return new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /**
     * Picks a date in a PrimeFaces date picker through its widget, as choosing it in the calendar
     * does; {@code null} clears it.
     */
    public Browser setDate(String widgetVar, LocalDate date) {
        driver.executeScript(
                "PF(arguments[0]).setDate(arguments[1] == null ? null"
                        + " : new Date(arguments[1], arguments[2] - 1, arguments[3]));",
                widgetVar,
                date == null ? null : date.getYear(),
                date == null ? 0 : date.getMonthValue(),
                date == null ? 0 : date.getDayOfMonth());
        return this;
    }

    public Browser type(String id, String text) {
        act(
                d -> {
                    WebElement field = visible(d, id);
                    field.clear();
                    field.sendKeys(text);
                    return field;
                });
        return this;
    }

    /**
     * Clicks the element with the given id, scrolled into the middle of its (possibly scrolling)
     * container. A click that the browser refuses (an overlay still fading out, a node replaced by
     * an Ajax update in between) is tried again until the wait runs out.
     */
    public Browser click(String id) {
        clickable(id);
        return this;
    }

    /**
     * Clicks a button that submits the whole page (no Ajax) and waits until the browser has left
     * the old page, so that what follows reads the new one.
     */
    public Browser submit(String id) {
        WebElement element = clickable(id);
        new WebDriverWait(driver, WAIT)
                .ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(element));
        return this;
    }

    private WebElement clickable(String id) {
        return act(
                d -> {
                    WebElement element = visible(d, id);
                    if (!element.isEnabled()) {
                        return null;
                    }
                    driver.executeScript(
                            "arguments[0].scrollIntoView({block: 'center'});", element);
                    element.click();
                    return element;
                });
    }

    private static WebElement visible(WebDriver d, String id) {
        WebElement element = d.findElement(By.id(id));
        if (!element.isDisplayed()) {
            throw new ElementNotInteractableException(id + " is not visible yet");
        }
        return element;
    }

    /**
     * Runs an interaction until it succeeds: the browser may report a node of a page that is just
     * being replaced, or an element not yet interactable; both pass within the wait.
     */
    public <T> T act(Function<WebDriver, T> action) {
        return new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(action);
    }

    /** Waits until the page (or an Ajax update) shows the text somewhere in the body. */
    public Browser waitForText(String text) {
        new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(WebDriverException.class)
                .withMessage(() -> "text not shown: " + text)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return this;
    }

    /** Waits until the URL contains the fragment. */
    public Browser waitForUrl(String fragment) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains(fragment));
        return this;
    }

    /** Waits until no PrimeFaces Ajax request is running. */
    public Browser waitForAjax() {
        new WebDriverWait(driver, WAIT)
                .until(
                        d ->
                                Boolean.TRUE.equals(
                                        ((ChromeDriver) d)
                                                .executeScript(
                                                        "return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
        return this;
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves a screenshot for the report, e.g. when a test fails. */
    public void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(ItSettings.reportDirectory());
            Files.write(
                    dir.resolve(name + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // A missing screenshot must never hide the test's own failure.
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary profile is harmless.
        }
    }
}

package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, at a phone's width, writing a screenshot of each step
 * under target/portal-screenshots. Without Chromium the tests are skipped with a reason, except in CI (.ci/run
 * installs it), where they fail.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int PHONE_WIDTH = 360;

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path screenshots;
    private int step;

    private Browser(ChromeDriver driver, String baseUrl, Path screenshots) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
    }

    public static Browser open(String baseUrl, String testName, String language) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (.ci/run does).");
        }
        Assumptions.assumeTrue(installed, "chromium and chromedriver are not installed: browser tests skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile = Files.createTempDirectory("clustercalls-chromium");
        // Headless as root; no calls home, which this machine's closed network would refuse.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--lang=" + language, "--user-data-dir=" + profile,
                "--window-size=" + PHONE_WIDTH + ",800");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
        Path screenshots = Path.of("target", "portal-screenshots", testName);
        Files.createDirectories(screenshots);
        // Only this run's steps, so that the numbers follow one another.
        try (var old = Files.list(screenshots)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        return new Browser(driver, baseUrl, screenshots);
    }

    public WebDriver driver() {
        return driver;
    }

    void visit(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    WebElement find(String id) {
        return waitFor(d -> d.findElement(By.id(id)));
    }

    void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    void choose(String id, String value) {
        new Select(find(id)).selectByValue(value);
    }

    void tick(String id) {
        WebElement box = find(id);
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** A date input takes its value in the browser's own format; this one sets it as the form sends it. */
    void setDate(String id, java.time.LocalDate day) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", find(id), day.toString());
    }

    void attach(String id, Path file) {
        find(id).sendKeys(file.toAbsolutePath().toString());
    }

    /** Clicks what a keyboard user would reach: a real link or button, scrolled into view first. */
    void click(String id) {
        WebElement element = find(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void clickLink(String text) {
        WebElement link = waitFor(d -> d.findElement(By.linkText(text)));
        link.click();
    }

    String text(String id) {
        return find(id).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String lang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Signs the portal's user out and waits until the answer replaced the page: a page asked for before that would
     * still be served to the signed-in session.
     */
    void signOut() {
        WebElement button = driver.findElement(By.cssSelector("form[action='/portal/sign-out'] button"));
        button.click();
        waitFor(d -> {
            try {
                button.isDisplayed();
                return null;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return true;
            }
        });
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        // A page that is being replaced may lose an element between finding and reading it: look again.
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** A full-page screenshot, numbered in the order of the steps, so a person can follow the test. */
    void screenshot(String name) {
        screenshot(name, PHONE_WIDTH, 800);
    }

    /** A screenshot at that width, the window then back to that size. */
    void screenshot(String name, int width, int height) {
        step++;
        // The page's whole height at that width, so nothing below the fold is missed.
        long pageHeight = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(pageHeight, height), 6000)));
        try {
            Files.write(screenshots.resolve(String.format("%02d-%s.png", step, name)), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(width, height));
        }
    }

    /**
     * Signs in to a Camunda webapp (Tasklist, Cockpit, Admin) on its sign-in page with its own form, filled from the
     * page's script: in headless Chromium its fields took no keystrokes from chromedriver. The button is pressed the
     * same way.
     */
    void signInToWebapp(String user, String password) {
        for (String[] field : new String[][] {{"username", user}, {"password", password}}) {
            WebElement input = waitFor(d -> d.findElement(By.cssSelector(
                    "form[name=signinForm] input[ng-model=" + field[0] + "]")));
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                    + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", input, field[1]);
        }
        clickByScript(By.cssSelector("form[name=signinForm] button[type=submit]"));
        waitFor(d -> d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty() ? true : null);
    }

    /** Clicks from the page's script, once the element is there: in headless Chromium the webapps' buttons took no
     * click from chromedriver. */
    void clickByScript(By what) {
        WebElement element = waitFor(d -> d.findElement(what));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
    }

    /** Keys pressed on whatever has the focus, as a keyboard user does. */
    void press(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Every field has a label a screen reader reads: a label element tied to it, or an ARIA label. */
    void assertEveryFieldLabelled() {
        Object unlabelled = ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('input:not([type=hidden]):not([type=submit]):not([type=button]), "
                        + "select, textarea')).filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') "
                        + "&& !e.getAttribute('aria-labelledby')).map(e => e.name || e.id)");
        assertThat((List<?>) unlabelled).as("fields without a label on %s", path()).isEmpty();
    }

    /** Each field marked invalid points at a message next to it that says what is wrong. */
    void assertErrorsTiedToFields() {
        List<WebElement> invalid = all("[aria-invalid='true']");
        assertThat(invalid).as("fields marked invalid on %s", path()).isNotEmpty();
        for (WebElement field : invalid) {
            String describedBy = field.getAttribute("aria-describedby");
            assertThat(describedBy).as("aria-describedby of %s", field.getAttribute("name")).isNotBlank();
            assertThat(java.util.Arrays.stream(describedBy.split("\\s+"))
                    .map(id -> driver.findElement(By.id(id)).getText()).filter(text -> !text.isBlank()))
                    .as("the message of %s", field.getAttribute("name")).isNotEmpty();
        }
    }

    /** Nothing on the page is wider than the phone's screen (no sideways scrolling of the whole page). */
    void assertFitsPhoneWidth() {
        // The visible width, without the scroll bar Chromium draws (a phone's overlays the page).
        List<?> widths = (List<?>) ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        assertThat((Long) widths.get(0)).as("page width at %d px on %s", PHONE_WIDTH, path())
                .isLessThanOrEqualTo((Long) widths.get(1));
    }

    @Override
    public void close() {
        driver.quit();
    }
}

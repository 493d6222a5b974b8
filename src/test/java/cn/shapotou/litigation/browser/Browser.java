package cn.shapotou.litigation.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Selenium (README「运行测试」); screenshots land in target/screenshots. */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    public Browser(String base) throws IOException {
        // -Pbrowser asks for these tests: without the browser they fail, naming what to install, rather than pass unrun.
        requireInstalled(CHROMIUM, "chromium");
        requireInstalled(CHROMEDRIVER, "chromium-driver");
        System.setProperty("SE_OFFLINE", "true");
        this.base = base;
        this.profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        // A district clerk's browser asks for Chinese; headless Chromium takes that from this preference, not --lang.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        // Keeps the page's console, so a test can tell that a screen works without errors behind it.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    static void requireInstalled(Path executable, String debianPackage) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("The browser tests (-Pbrowser) need " + executable + ", which is missing: "
                    + "install it with `apt-get install chromium chromium-driver fonts-noto-cjk` (Debian package "
                    + debianPackage + "), or run ./mvnw verify without -Pbrowser (README「运行测试」).");
        }
    }

    /** Errors in the browser's console since the last call (script errors and failed requests). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage()).toList();
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** Logs in on the Tasklist sign-in form. */
    public void loginToTasklist(String user, String password) {
        open("/camunda/app/tasklist/default/");
        WebElement form = waiting(30).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name=signinForm]")));
        form.findElement(By.cssSelector("input[ng-model=username]")).sendKeys(user);
        form.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // The first sign-in of a test run starts the webapps' lazily built parts on the server; on a busy two-core
        // machine that has taken more than 30 seconds, and more than two minutes while another build ran beside the
        // suite. A refused sign-in says so at once instead of timing out.
        try {
            waiting(240).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector("form[name=signinForm]")).stream()
                    .noneMatch(WebElement::isDisplayed) || d.getPageSource().contains("登录失败"));
        } catch (org.openqa.selenium.TimeoutException e) {
            // Seldom, and only as a run's first sign-in: keep what the page showed, so that the cause can be seen.
            try {
                screenshot("signin-timeout-" + user);
            } catch (IOException | RuntimeException ignored) {
                // the timeout is what is reported
            }
            throw new org.openqa.selenium.TimeoutException("Tasklist sign-in of " + user + " still open after 240 s, "
                    + "at " + driver.getCurrentUrl() + ", showing: " + driver.findElement(By.tagName("body")).getText()
                    + " (screenshot target/screenshots/signin-timeout-" + user + ".png)", e);
        }
        if (driver.getPageSource().contains("登录失败")) {
            throw new IllegalStateException("Tasklist refused the sign-in of " + user + ": "
                    + driver.findElement(By.tagName("body")).getText());
        }
    }

    public void logout() {
        driver.manage().deleteAllCookies();
    }

    public WebElement await(By by) {
        return waiting(30).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Where the README's screenshots live: the suite takes them, so they always show the current product. */
    public static final Path README_SCREENSHOTS = Path.of("src", "docs", "screenshots");

    /** A screenshot that the README shows, kept current by the test that takes it. */
    public Path screenshotForReadme(String name) throws IOException {
        Path shot = screenshot(name);
        Files.createDirectories(README_SCREENSHOTS);
        return Files.copy(shot, README_SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Opens a task in Tasklist and claims it, as a candidate does before working on it. */
    public void openAndClaim(String taskId, String heading) {
        open("/camunda/app/tasklist/default/#/?task=" + taskId);
        await(By.cssSelector(".fjs-container"));
        waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), heading));
        By claim = By.xpath("//*[(self::button or self::a) and (normalize-space(.)='认领' or normalize-space(.)='Claim')]");
        await(claim).click();
        waiting(30).until(ExpectedConditions.invisibilityOfElementLocated(claim));
        waiting(30).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
        // Claiming reloads the form: wait until it is there again before typing.
        await(By.cssSelector(".fjs-container"));
        waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), heading));
    }

    /** Scrolls the element to the middle first: Tasklist's fixed footer covers the bottom of the form. */
    public void click(By by) {
        WebElement element = await(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});", element);
        element.click();
    }

    /** Completes the open task form, or fails naming the form's values when Tasklist keeps the button disabled. */
    public void completeTask() throws InterruptedException {
        // form-js passes typed text on after a short debounce; give it that moment, as a person's hand would.
        Thread.sleep(800);
        By completeButton = By.xpath("//button[@ng-click='complete()']");
        try {
            waiting(30).until(d -> d.findElement(completeButton).isEnabled());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("form not valid: " + ((JavascriptExecutor) driver).executeScript(
                    "return Array.from(document.querySelectorAll('.fjs-container input, .fjs-container textarea'))"
                    + ".map(i => i.id + '=' + (i.type === 'radio' || i.type === 'checkbox' ? i.checked : i.value)).join(' | ')"), e);
        }
        // Tasklist's footer overlaps the button in a short window: click it the way a script would.
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});"
                + "arguments[0].click();", driver.findElement(completeButton));
        waiting(30).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-container")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package io.croupier.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.croupier.fair.FairRandom;
import io.croupier.fair.Seeds;
import io.croupier.roulette.SeedChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The web client in headless Chromium against the whole app server on an embedded grid node: a player registers,
 * deposits, spins, bets at the fast table and verifies rounds in the browser. Skipped where Chromium or its driver
 * is not installed (CI installs them: .ci/run).
 */
@SpringBootTest(properties = {
        "croupier.app.http.host=127.0.0.1",
        "croupier.app.http.port=0",
        "croupier.app.ws.bcrypt-cost=4",
        // The browser's Origin carries the random port of this test's listener.
        "croupier.app.ws.allowed-origins=*",
        "croupier.app.demo.enabled=false",
        "croupier.app.grid.embedded-work-directory=target/webclient-grid"})
@DirtiesContext
@EnabledIf(value = "browserInstalled", disabledReason = WebClientE2eTest.SKIPPED)
class WebClientE2eTest {
    private static final String CHROMIUM_PATH = "/usr/bin/chromium";
    private static final String CHROMEDRIVER_PATH = "/usr/bin/chromedriver";
    static final String SKIPPED = "web client end-to-end test skipped: needs " + CHROMIUM_PATH + " and "
            + CHROMEDRIVER_PATH + " (Debian: apt-get install chromium chromium-driver)";
    private static final Path CHROMIUM = Path.of(CHROMIUM_PATH);
    private static final Path CHROMEDRIVER = Path.of(CHROMEDRIVER_PATH);
    /**
     * A port block of its own, fixed so a clash fails fast, and below the OS's ephemeral range (Linux: 32768-60999):
     * the WebDriver client opens many short connections, whose local ports (and TIME_WAIT) would otherwise land on
     * the grid's ports now and then and fail its start.
     */
    private static final Map<String, String> NODE_SETTINGS = Map.of(
            "croupier.discovery.port", "31500",
            "croupier.discovery.addresses", "127.0.0.1:31500..31509",
            "croupier.communication.port", "31600",
            "croupier.client.port", "31700",
            "croupier.memory.maxSizeMb", "512",
            "croupier.cache.partitions", "64",
            "croupier.tables.roundPauseMs", "300",
            "croupier.games.slotsDirectory", "../config/slots",
            "croupier.games.tablesFile", "src/test/resources/test-tables.json");
    private static final Set<Integer> RED = Set.of(1, 3, 5, 7, 9, 12, 14, 16, 18, 19, 21, 23, 25, 27, 30, 32, 34, 36);
    private static final String PASSWORD = "correct horse";
    /** The page at the end of each test, for a human look (CI can keep them as artifacts). */
    private static final Path SCREENSHOTS = Path.of("target/webclient-e2e");

    private static WebDriver browser;

    @Autowired
    private HttpEdge edge;
    private WebDriverWait wait;

    /** Checked before anything starts, so a machine without the browser skips the class at no cost. */
    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    static void startBrowser() {
        assumeTrue(browserInstalled(), SKIPPED);
        NODE_SETTINGS.forEach(System::setProperty);
        // No Selenium Manager: the browser and driver are the system's, never downloaded.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        NODE_SETTINGS.keySet().forEach(System::clearProperty);
    }

    @BeforeEach
    void freshPage() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
        open();
        js("sessionStorage.clear()");
        open();
    }

    /** The page logged no error (an uncaught exception, a failed load) during the test; screenshot for a human look. */
    @AfterEach
    void noErrorsInTheConsole(TestInfo test) {
        screenshot(test.getTestMethod().orElseThrow().getName());
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    @Test
    void aPlayerRegistersDepositsSpinsBetsAndVerifiesRoundsInTheBrowser() {
        String username = register();

        // Deposit 50.00 EUR: 5000 minor units.
        tab("wallet");
        type("deposit-amount", "50.00");
        click("deposit");
        awaitAttribute("balance", "data-minor", "5000");

        // Spin at the smallest stake; the balance moves by exactly win - stake.
        tab("slots");
        wait.until(d -> new Select(byTestId("slot-stake")).getOptions().size() > 1);
        new Select(byTestId("slot-stake")).selectByIndex(0);
        long stake = Long.parseLong(new Select(byTestId("slot-stake")).getFirstSelectedOption().getAttribute("value"));
        click("spin");
        wait.until(d -> !byTestId("slot-last").getAttribute("data-round-id").isEmpty());
        String slotRoundId = byTestId("slot-last").getAttribute("data-round-id");
        List<WebElement> cells = browser.findElements(By.cssSelector("#reels .cell"));
        assertThat(cells).hasSize(15);
        assertThat(cells).allSatisfy(c -> assertThat(c.getAttribute("data-symbol")).isNotBlank());
        long win = Long.parseLong(byTestId("slot-win").getAttribute("data-minor"));
        long afterSpin = 5000 - stake + win;
        awaitAttribute("balance", "data-minor", String.valueOf(afterSpin));
        screenshot("slots");

        // Join the fast table and bet before the round closes: 10 on RED and 10 on 17.
        tab("roulette");
        click("join-fast-1");
        wait.until(d -> byTestId("table-view").isDisplayed());
        long roundId = placeBetsInAnOpenRound(List.of("bet-RED", "bet-STRAIGHT-17"));
        assertThat(byTestId("my-bets").getAttribute("data-total")).isEqualTo("20");
        assertThat(byTestId("my-bets").getAttribute("data-balance")).isEqualTo(String.valueOf(afterSpin - 20));
        wait.until(d -> byTestId("bet-feed").findElements(By.cssSelector("li.mine")).stream()
                .anyMatch(li -> li.getText().contains("round " + roundId)));

        // Settled live: the return follows from the number.
        wait.until(d -> String.valueOf(roundId).equals(byTestId("settlement").getAttribute("data-round")));
        int number = Integer.parseInt(byTestId("settlement").getAttribute("data-number"));
        long returned = Long.parseLong(byTestId("settlement").getAttribute("data-returned"));
        long expected = (RED.contains(number) ? 20 : 0) + (number == 17 ? 360 : 0);
        assertThat(returned).as("return for number %d", number).isEqualTo(expected);
        long afterRound = afterSpin - 20 + returned;
        awaitAttribute("balance", "data-minor", String.valueOf(afterRound));
        screenshot("roulette");

        // A reload resumes the session and the seat from the token.
        browser.navigate().refresh();
        wait.until(d -> username.equals(byTestId("user-name").getText()));
        awaitAttribute("balance", "data-minor", String.valueOf(afterRound));
        tab("roulette");
        wait.until(d -> byTestId("table-view").isDisplayed());
        wait.until(d -> !byTestId("round-status").getAttribute("data-status").isEmpty());

        // Fairness: a round whose seed is still in play cannot be verified yet; after a rotation it matches.
        tab("history");
        wait.until(d -> byTestId("fair-hash").getText().length() == 64);
        String seedInPlay = byTestId("fair-hash").getText();
        click("verify-slot-" + slotRoundId);
        awaitAttribute("verify-slot-" + slotRoundId + "-result", "data-verdict", "NOT_REVEALED");
        String loads = byTestId("slot-history").getAttribute("data-loads");
        click("rotate");
        awaitAttribute("fair-revealed", "data-hash", seedInPlay);
        wait.until(d -> !seedInPlay.equals(byTestId("fair-hash").getText()));
        wait.until(d -> !Objects.equals(loads, byTestId("slot-history").getAttribute("data-loads")));
        click("verify-slot-" + slotRoundId);
        awaitAttribute("verify-slot-" + slotRoundId + "-result", "data-verdict", "MATCH");

        // The roulette round: its seed hashes to the published hash and draws the number.
        WebElement betRow = wait.until(d -> d.findElements(By.cssSelector("#table-history tbody tr")).stream()
                .filter(tr -> String.valueOf(roundId).equals(tr.getAttribute("data-round-id"))).findFirst()
                .orElse(null));
        betRow.findElement(By.cssSelector("td.verify button")).click();
        wait.until(d -> "MATCH".equals(betRow.findElement(By.cssSelector(".verdict")).getAttribute("data-verdict")));

        // The client seed is the player's to choose.
        type("client-seed-input", "my-lucky-seed");
        click("set-client-seed");
        wait.until(d -> "my-lucky-seed".equals(byTestId("fair-client-seed").getText()));
    }

    @Test
    void serverErrorsAreShownAsCodeAndMessageAndLogoutForgetsTheToken() {
        type("auth-username", "nobody-" + UUID.randomUUID().toString().substring(0, 8));
        type("auth-password", "wrong-password");
        click("login");
        wait.until(d -> byTestId("auth-error").getText().startsWith("INVALID_CREDENTIALS"));

        register();
        tab("wallet");
        type("withdraw-amount", "5");
        click("withdraw");
        wait.until(d -> byTestId("wallet-result").getText().startsWith("INSUFFICIENT_FUNDS"));
        // The toast slides in from opacity 0, and WebDriver reads the text of an invisible element as "": wait for it.
        wait.until(d -> d.findElements(By.cssSelector("[data-testid='error']")).stream()
                .anyMatch(e -> e.getText().contains("INSUFFICIENT_FUNDS")));
        type("deposit-amount", "12.345");
        click("deposit");
        wait.until(d -> byTestId("wallet-result").getText().startsWith("INVALID_AMOUNT"));

        click("logout");
        wait.until(d -> byTestId("auth-username").isDisplayed());
        assertThat(js("return sessionStorage.getItem('croupier.token')")).isNull();
        browser.navigate().refresh();
        wait.until(d -> "open".equals(byTestId("conn-status").getAttribute("data-state")));
        assertThat(byTestId("auth-username").isDisplayed()).isTrue();
    }

    @Test
    void aPlayerSetsLimitsSeesARaisePendingAndTakesABreakInTheWalletPanel() {
        register();
        tab("wallet");
        wait.until(d -> d.findElements(By.cssSelector("[data-testid='limit-row']")).size() == 4);
        new Select(byTestId("limit-kind")).selectByValue("DEPOSIT_DAY");
        type("limit-amount", "10.00");
        click("set-limit");
        wait.until(d -> "1000".equals(limitAttribute("DEPOSIT_DAY", "data-limit")));
        type("deposit-amount", "20.00");
        click("deposit");
        wait.until(d -> byTestId("wallet-result").getText().startsWith("DEPOSIT_LIMIT_EXCEEDED"));

        type("limit-amount", "50.00");
        click("set-limit");
        wait.until(d -> "5000".equals(limitAttribute("DEPOSIT_DAY", "data-pending")));
        assertThat(limitAttribute("DEPOSIT_DAY", "data-limit")).isEqualTo("1000");

        // The page asks the player to confirm a break; the test answers yes.
        js("window.confirm = () => true");
        new Select(byTestId("exclude-period")).selectByValue("TIME_OUT_24H");
        click("self-exclude");
        awaitAttribute("limits-status", "data-excluded", "true");
        type("deposit-amount", "5");
        click("deposit");
        wait.until(d -> byTestId("wallet-result").getText().startsWith("SELF_EXCLUDED"));
        screenshot("limits");
    }

    /** An attribute of a limit's row; null while the table is being re-rendered (each reply rebuilds it). */
    private String limitAttribute(String kind, String attribute) {
        try {
            return browser.findElement(By.cssSelector("[data-testid='limit-row'][data-kind='" + kind + "']"))
                    .getAttribute(attribute);
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return null;
        }
    }

    @Test
    void aDroppedConnectionReconnectsByItselfAndResumesTheSessionAndTheSeat() {
        String username = register();
        tab("roulette");
        click("join-fast-1");
        wait.until(d -> !byTestId("round-status").getAttribute("data-status").isEmpty());

        // A message far above the server's frame limit makes it close the connection, as a network drop would.
        tab("history");
        js("const i = document.getElementById('client-seed-input'); i.removeAttribute('maxlength');"
                + " i.value = 'x'.repeat(100000);");
        click("set-client-seed");
        new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20))
                .until(d -> "closed".equals(byTestId("conn-status").getAttribute("data-state")));
        assertThat(byTestId("conn-status").getText()).contains("retrying in");

        wait.until(d -> "open".equals(byTestId("conn-status").getAttribute("data-state")));
        assertThat(byTestId("user-name").getText()).isEqualTo(username);
        assertThat(js("return sessionStorage.getItem('croupier.token')")).isNotNull();
        tab("roulette");
        wait.until(d -> byTestId("table-view").isDisplayed());
        String roundBefore = byTestId("round-id").getText();
        wait.until(d -> !roundBefore.equals(byTestId("round-id").getText()));
    }

    @Test
    void fairJsDrawsExactlyTheStreamOfTheServer() {
        String seedHex = "a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00";
        // Around 30 % of 32-bit values are rejected for 1.5e9, so redraws are exercised.
        List<Long> bounds = List.of(37L, 1_500_000_000L, 6L, 1_500_000_000L, 1000L, 2L, (long) Integer.MAX_VALUE);
        List<Long> expected = new ArrayList<>();
        FairRandom random = new FairRandom(Seeds.fromHex(seedHex), "lucky player", 7);
        for (int i = 0; i < 40; i++) {
            expected.add((long) random.nextInt(bounds.get(i % bounds.size()).intValue()));
        }

        Object drawn = ((JavascriptExecutor) browser).executeAsyncScript("""
                const [seed, bounds, done] = arguments;
                import('/fair.js').then(async (f) => {
                  const stream = new f.FairStream(seed, 'lucky player', 7);
                  const out = [];
                  for (let i = 0; i < 40; i++) out.push(await stream.nextInt(bounds[i % bounds.length]));
                  done({ out, hash: await f.sha256Hex(seed), roulette: await f.rouletteNumber(seed, 'eu-1', 4242) });
                }).catch((e) => done({ error: String(e) }));""", seedHex, bounds);

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) drawn;
        assertThat(result).doesNotContainKey("error");
        assertThat(result.get("out")).isEqualTo(expected);
        assertThat(result.get("hash")).isEqualTo(Seeds.hex(Seeds.sha256(Seeds.fromHex(seedHex))));
        assertThat(((Number) result.get("roulette")).intValue())
                .isEqualTo(SeedChain.number(Seeds.fromHex(seedHex), "eu-1", 4242));
    }

    @Test
    void amountsTypedInMajorUnitsBecomeExactMinorUnits() {
        Object parsed = ((JavascriptExecutor) browser).executeAsyncScript("""
                const [inputs, done] = arguments;
                import('/money.js').then((m) => done(inputs.map((t) => m.parseMajor(t, 'EUR'))))
                  .catch((e) => done(String(e)));""",
                List.of("0.29", "12,5", "50", " 7.00 ", "1.234", "-1", "0", "0.00", "abc", "1e3", ""));
        // 0.29 * 100 is 28.999999999999996 in binary floating point: the text is parsed, never multiplied.
        assertThat(parsed).isEqualTo(Arrays.asList(29L, 1250L, 5000L, 700L, null, null, null, null, null, null, null));
    }

    // ---- steps

    private String register() {
        String username = "web" + UUID.randomUUID().toString().substring(0, 8);
        type("auth-username", username);
        type("auth-password", PASSWORD);
        click("register");
        wait.until(d -> username.equals(byTestId("user-name").getText()));
        return username;
    }

    /** Places the bets in a round with time left to bet (a slow moment can miss one: then the next); its id. */
    private long placeBetsInAnOpenRound(List<String> spots) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(50)).until(d ->
                    "OPEN".equals(byTestId("round-status").getAttribute("data-status"))
                            && Long.parseLong(byTestId("round-timer").getAttribute("data-remaining-ms")) > 900);
            long roundId = Long.parseLong(byTestId("round-id").getText());
            click("clear-bets");
            click("chip-10");
            spots.forEach(this::click);
            click("place-bets");
            String outcome = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(50)).until(d -> {
                if (String.valueOf(roundId).equals(byTestId("my-bets").getAttribute("data-accepted-round"))) {
                    return "accepted";
                }
                String last = String.valueOf(js("return document.getElementById('toasts').dataset.last || ''"));
                return last.startsWith("ROUND_CLOSED") || last.startsWith("Betting is closed") ? "missed" : null;
            });
            if (outcome.equals("accepted")) {
                return roundId;
            }
            js("document.getElementById('toasts').dataset.last = ''");
        }
        throw new AssertionError("no bet accepted in 5 rounds");
    }

    // ---- browser helpers

    private void open() {
        browser.get("http://127.0.0.1:" + edge.port() + "/");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "open".equals(byTestId("conn-status").getAttribute("data-state")));
    }

    private WebElement byTestId(String testId) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    private void tab(String name) {
        click("tab-" + name);
    }

    /** Clicks an element, waiting until it is present and enabled: the page re-renders lists as replies arrive. */
    private void click(String testId) {
        wait.until(d -> {
            try {
                WebElement e = byTestId(testId);
                if (!e.isEnabled()) {
                    return false;
                }
                e.click();
                return true;
            } catch (NoSuchElementException | StaleElementReferenceException | ElementClickInterceptedException e) {
                return false;
            }
        });
    }

    private void type(String testId, String text) {
        WebElement input = byTestId(testId);
        input.clear();
        input.sendKeys(text);
    }

    private void awaitAttribute(String testId, String attribute, String value) {
        try {
            wait.until(d -> value.equals(byTestId(testId).getAttribute(attribute)));
        } catch (TimeoutException e) {
            throw new AssertionError(testId + "[" + attribute + "] is '" + byTestId(testId).getAttribute(attribute)
                    + "', expected '" + value + "'", e);
        }
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}

package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.ScenarioResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live dashboard ({@code /actuator/backon/dashboard}, on in the sample app) in a real headless
 * Chromium, as an operator watches an outage: the breaker turns OPEN on the page within 2 s of
 * opening (the page polls every second; the wait allows one more second on a loaded machine), the
 * policies' retries and give-ups, the hedges and the budget show, and the breaker turns CLOSED
 * again after the downstream recovers. Skipped where Chromium is not installed. Leaves a screenshot
 * of the outage in {@code target/dashboard.png}, or where {@code -Dbackon.dashboard.screenshot=...}
 * says (the README's is {@code ../docs/dashboard.png}).
 */
@EnabledIf(
    value = "io.backon.sample.scenarios.HeadlessChromium#installed",
    disabledReason = HeadlessChromium.MISSING)
class DashboardBrowserTest extends RunningSampleApp {

  private static final Duration UPDATE = Duration.ofSeconds(3);

  private ChromeDriver browser;

  @BeforeEach
  void openTheDashboard() {
    browser = HeadlessChromium.start();
    browser.get("http://localhost:" + port + "/actuator/backon/dashboard");
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theBreakerShowsOpenDuringAnOutageAndClosedAgainAfterIt() throws IOException {
    assertThat(browser.getTitle()).isEqualTo("Backon");
    awaitBreakerState("CLOSED");

    downstreamBehaves(b -> b.outage(true));
    run("retry", "dashboard-retry");
    run("hedged", "dashboard-hedged");
    for (int call = 1; call <= 3; call++) {
      run("budget", "dashboard-budget-" + call);
    }
    for (int call = 1; call <= 3; call++) {
      run("breaker", "dashboard-breaker-" + call);
    }
    assertThat(breakers.find("downstream"))
        .hasValueSatisfying(breaker -> assertThat(breaker.state().name()).isEqualTo("OPEN"));

    awaitBreakerState("OPEN");
    await(() -> cell("[data-policy='downstream-breaker'] td:nth-child(3)").getText().equals("3"));
    assertThat(cell("[data-policy='downstream-breaker'] td:nth-child(2)").getText())
        .as("two retries of the first call and of the second, whose third attempt was rejected")
        .isEqualTo("4");
    assertThat(cell("[data-breaker='downstream'] td:nth-child(8)").getText())
        .as("rejected calls")
        .isEqualTo("2");
    assertThat(cell("[data-policy='downstream-retry'] td:nth-child(3)").getText()).isEqualTo("1");
    assertThat(cell("[data-policy='downstream-retry'] td:nth-child(2)").getText())
        .as("retries in the last minute")
        .isEqualTo("3");
    assertThat(cell("[data-hedging='downstream-hedged'] td:nth-child(4)").getText())
        .as("all failed")
        .isNotEqualTo("0");
    assertThat(cell("[data-budget='downstream'] td:nth-child(5)").getText())
        .as("retries refused")
        .isEqualTo("2");
    assertThat(browser.findElements(By.cssSelector("#events li[data-kind='transition']")))
        .extracting(WebElement::getText)
        .anyMatch(text -> text.contains("CLOSED → OPEN"));
    saveScreenshot();

    downstream.reset();
    post("/actuator/backon/circuit-breakers/downstream", "{\"state\":\"half-open\"}");
    assertThat(run("breaker", "dashboard-trial").outcome()).isEqualTo(Outcome.SUCCESS);

    awaitBreakerState("CLOSED");
    assertThat(browser.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("ok");
  }

  private void awaitBreakerState(String state) {
    await(() -> state.equals(cell("[data-breaker='downstream'] [data-state]").getText()));
  }

  /** Waits until the page shows {@code condition}, at most {@link #UPDATE}. */
  private void await(BooleanSupplier condition) {
    new WebDriverWait(browser, UPDATE)
        .ignoring(NoSuchElementException.class)
        .ignoring(StaleElementReferenceException.class)
        .until(driver -> condition.getAsBoolean());
  }

  private WebElement cell(String css) {
    return browser.findElement(By.cssSelector(css));
  }

  private void saveScreenshot() throws IOException {
    Path target =
        Path.of(System.getProperty("backon.dashboard.screenshot", "target/dashboard.png"));
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        target,
        StandardCopyOption.REPLACE_EXISTING);
  }
}

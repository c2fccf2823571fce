package io.backon.sample.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through its own ChromeDriver ({@code chromium} and {@code
 * chromium-driver}, installed by {@code .ci/install-browser}): no browser or driver is downloaded.
 * The paths can be changed with the system properties {@code backon.test.chromium} and {@code
 * backon.test.chromedriver}.
 */
final class HeadlessChromium {

  static final Path BROWSER =
      Path.of(System.getProperty("backon.test.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("backon.test.chromedriver", "/usr/bin/chromedriver"));

  private HeadlessChromium() {}

  /** Whether both the browser and its driver are installed. */
  static boolean installed() {
    return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
  }

  /** Why the browser tests are skipped where {@link #installed()} is false. */
  static final String MISSING =
      "no headless browser: /usr/bin/chromium and /usr/bin/chromedriver "
          + "(or -Dbackon.test.chromium and -Dbackon.test.chromedriver) must be executable; install "
          + "Debian's chromium and chromium-driver packages with: bash .ci/install-browser";

  /**
   * A new headless browser with a fresh profile and a 1400×1200 window, that makes no connection
   * but the ones its pages ask for (this machine's network is closed).
   */
  static ChromeDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1200",
        "--user-data-dir=" + freshProfile());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static Path freshProfile() {
    try {
      Path profile = Files.createTempDirectory("backon-chromium-");
      profile.toFile().deleteOnExit();
      return profile;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

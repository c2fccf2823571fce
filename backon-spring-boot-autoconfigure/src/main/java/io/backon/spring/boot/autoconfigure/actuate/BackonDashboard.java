package io.backon.spring.boot.autoconfigure.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeType;

/**
 * The live dashboard page ({@code backon.dashboard.enabled=true}): {@code
 * /actuator/backon/dashboard} and its script and style sheet under {@code
 * /actuator/backon/dashboard/}, plain files read once from {@value #LOCATION} (no build step, no
 * CDN). The page polls {@code /actuator/backon} and {@code /actuator/backon/events} every second,
 * relative to its own address, so it follows the Actuator base path and its security. Immutable.
 */
final class BackonDashboard {

  /** The path segment of the page under the endpoint. */
  static final String PATH = "dashboard";

  /** Where the page's files are on the class path. */
  static final String LOCATION = "META-INF/backon/dashboard/";

  private static final MimeType HTML = MimeType.valueOf("text/html;charset=UTF-8");
  private static final Map<String, MimeType> ASSETS =
      Map.of(
          "dashboard.js", MimeType.valueOf("text/javascript;charset=UTF-8"),
          "dashboard.css", MimeType.valueOf("text/css;charset=UTF-8"));

  private final String page;
  private final Map<String, String> assets;

  private BackonDashboard(String page, Map<String, String> assets) {
    this.page = page;
    this.assets = Map.copyOf(assets);
  }

  /** Reads the page and its files from the class path. */
  static BackonDashboard load() {
    return new BackonDashboard(
        read("index.html"),
        Map.of("dashboard.js", read("dashboard.js"), "dashboard.css", read("dashboard.css")));
  }

  /** The page, as HTML. */
  WebEndpointResponse<Object> page() {
    return new WebEndpointResponse<>(page, WebEndpointResponse.STATUS_OK, HTML);
  }

  /**
   * The script or style sheet {@code name}, or {@code null} when the page has none of that name.
   */
  @Nullable WebEndpointResponse<Object> asset(String name) {
    String text = assets.get(name);
    return text == null
        ? null
        : new WebEndpointResponse<>(text, WebEndpointResponse.STATUS_OK, ASSETS.get(name));
  }

  private static String read(String file) {
    ClassLoader loader = BackonDashboard.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(LOCATION + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "the dashboard file " + LOCATION + file + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The dashboard's files in native images. */
  static final class Hints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
      hints.resources().registerPattern(LOCATION + "*");
    }
  }
}

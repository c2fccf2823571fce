package io.backon.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With every call traced, Spring Boot's meter observation handler would turn Backon's observations
 * into timers of their own; the README promises that a Prometheus scrape still shows only the
 * meters its table lists. Read from the README itself, so a meter added to one and not the other
 * fails here.
 */
@TracedAppTest
class PrometheusScrapeWithOpenTelemetryTest {

  @Autowired Payments payments;
  @Autowired ObservationRegistry observations;
  @Autowired PrometheusMeterRegistry prometheus;
  @Autowired InMemorySpanExporter exporter;
  @Autowired SdkTracerProvider tracerProvider;

  @Test
  void aScrapeAfterTracedCallsOfEveryFaceHasOnlyTheDocumentedMeters() throws Exception {
    payments.failFirst(1);
    Observation.createNotStarted("checkout", observations)
        .observeChecked(
            () -> {
              payments.charge();
              payments.failFirst(1);
              payments.chargeLater().get(10, TimeUnit.SECONDS);
              payments.failFirst(1);
              payments.chargeReactive().block(Duration.ofSeconds(10));
              payments.failFirst(0);
              return payments.quote();
            });

    Set<String> scraped = backonMetricNames(prometheus.scrape());

    assertThat(new ExportedSpans(exporter, tracerProvider).named("backon payments attempt"))
        .as("calls were traced")
        .isNotEmpty();
    assertThat(scraped)
        .contains("backon_calls_seconds_count", "backon_attempts_total", "backon_hedges_total")
        .allSatisfy(name -> assertThat(name).matches(documentedMeter()));
  }

  /** Every metric name starting with "backon" in a scrape, from samples and comments alike. */
  private static Set<String> backonMetricNames(String scrape) {
    Set<String> names = new TreeSet<>();
    Matcher metric =
        Pattern.compile("(?m)^(?:# (?:HELP|TYPE) )?(backon[a-zA-Z0-9_:]*)").matcher(scrape);
    while (metric.find()) {
      names.add(metric.group(1));
    }
    return names;
  }

  /**
   * The Prometheus names of the meters in the README's table under "### Meters": the meter name
   * with dots as underscores, its base unit, and a sample suffix.
   */
  private static Pattern documentedMeter() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String table =
        readme.substring(readme.indexOf("### Meters"), readme.indexOf("### Observations"));
    Matcher row = Pattern.compile("(?m)^\\| `(backon\\.[a-z.]+)` \\|").matcher(table);
    StringBuilder names = new StringBuilder();
    while (row.find()) {
      names
          .append(names.isEmpty() ? "" : "|")
          .append(Pattern.quote(row.group(1).replace('.', '_')));
    }
    assertThat(names).as("meters in the README's table").isNotEmpty();
    return Pattern.compile(
        "(" + names + ")(_seconds|_percent)?(_count|_sum|_max|_bucket|_total|_created)?");
  }
}

package io.backon.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With every call traced, Spring Boot's meter observation handler would turn Backon's observations
 * into timers of their own; the README promises that a Prometheus scrape still shows only the
 * meters its table lists ({@link DocumentedMeters}).
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

    Set<String> scraped = DocumentedMeters.backonMetricNames(prometheus.scrape());

    assertThat(new ExportedSpans(exporter, tracerProvider).named("backon payments attempt"))
        .as("calls were traced")
        .isNotEmpty();
    assertThat(scraped)
        .contains("backon_calls_seconds_count", "backon_attempts_total", "backon_hedges_total")
        .allSatisfy(name -> assertThat(name).matches(DocumentedMeters.pattern()));
  }
}

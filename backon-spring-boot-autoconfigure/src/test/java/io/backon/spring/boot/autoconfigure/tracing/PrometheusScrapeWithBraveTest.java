package io.backon.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Prometheus scrape of a service traced by Brave, in both formats Prometheus asks for: only the
 * meters the README's table lists, each with the tags its row names, though Spring Boot's meter
 * observation handler sees every traced call and hedged race.
 */
@BraveAppTest
class PrometheusScrapeWithBraveTest {

  private static final String OPEN_METRICS = "application/openmetrics-text;version=1.0.0";
  private static final String TEXT = "text/plain;version=0.0.4";

  @Autowired Payments payments;
  @Autowired ObservationRegistry observations;
  @Autowired PrometheusMeterRegistry prometheus;
  @Autowired FinishedSpans spans;

  @ParameterizedTest
  @ValueSource(strings = {TEXT, OPEN_METRICS})
  void aScrapeAfterTracedCallsOfEveryFaceHasOnlyTheDocumentedMetersAndTags(String format)
      throws Exception {
    callEveryFace();

    String scrape = prometheus.scrape(format);

    assertThat(spans.named("backon quotes attempt")).as("calls were traced").isNotEmpty();
    assertThat(DocumentedMeters.backonMetricNames(scrape))
        .contains("backon_calls_seconds_count", "backon_attempts_total", "backon_hedges_total")
        .allSatisfy(name -> assertThat(name).matches(DocumentedMeters.pattern()));
    assertThat(DocumentedMeters.undocumentedLabels(scrape)).isEmpty();
  }

  @Test
  void aHedgedRaceCountsOnceInBackonHedgesAndNowhereElse() throws Exception {
    double before = hedgesWon();

    payments.failFirst(0);
    payments.quote();

    assertThat(hedgesWon() - before).isEqualTo(1.0);
    assertThat(prometheus.scrape())
        .doesNotContain("hedge_won_total")
        .doesNotContain("backon_hedge_");
  }

  private double hedgesWon() {
    var counter =
        prometheus
            .find("backon.hedges")
            .tag("name", "quotes")
            .tag("outcome", "hedge_won")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private void callEveryFace() throws Exception {
    Observation.createNotStarted("checkout", observations)
        .observeChecked(
            () -> {
              payments.failFirst(1);
              payments.charge();
              payments.failFirst(1);
              payments.chargeLater().get(10, TimeUnit.SECONDS);
              payments.failFirst(1);
              payments.chargeReactive().block(Duration.ofSeconds(10));
              payments.failFirst(0);
              return payments.quote();
            });
  }
}

package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Backon's meters after an outage, as the app ships (Actuator with a Prometheus registry): every
 * meter the README documents is there with exactly its documented tags, and no other; the outage
 * shows in the series an operator would graph; {@code /actuator/prometheus} has no {@code backon}
 * metric the README does not document. {@link TracedOutageTest} runs the same with tracing.
 */
class OutageMetersTest extends RunningSampleApp {

  static final DocumentedMeters DOCUMENTED = DocumentedMeters.fromReadme();

  @Autowired MeterRegistry meters;

  /** The count of each series before the outage: meters outlive the tests of a shared context. */
  private MeterCounts before;

  @BeforeEach
  void countBeforeTheOutage() {
    before = new MeterCounts(meters);
  }

  @Test
  void afterAnOutageEachBackonMeterIsOneTheReadmeDocumentsWithItsTags() {
    driveAnOutageAndItsEnd("meters");

    List<Meter> backon =
        meters.getMeters().stream()
            .filter(meter -> meter.getId().getName().startsWith("backon"))
            .toList();
    assertThat(backon)
        .allSatisfy(
            meter -> {
              String name = meter.getId().getName();
              assertThat(DOCUMENTED.names()).as("documented meters").contains(name);
              assertThat(tagKeys(meter))
                  .as("tag keys of %s", meter.getId())
                  .isEqualTo(DOCUMENTED.tagKeysOf(name));
            });
    assertThat(backon)
        .extracting(meter -> meter.getId().getName())
        .as("every documented meter exists")
        .containsAll(DOCUMENTED.names());
  }

  @Test
  void theOutageShowsInTheCallAttemptHedgeAndBreakerMeters() {
    driveAnOutageAndItsEnd("meters");

    MeterCounts after = new MeterCounts(meters);
    assertThat(
            after.minus(
                before,
                "backon.calls",
                "name",
                "downstream-retry",
                "outcome",
                "failure_with_retry",
                "exception",
                "ServiceUnavailable"))
        .isEqualTo(2);
    assertThat(
            after.minus(before, "backon.calls", "name", "downstream-retry", "outcome", "fallback"))
        .isEqualTo(2);
    assertThat(
            after.minus(
                before,
                "backon.calls",
                "name",
                "downstream-hedged",
                "outcome",
                "failure_with_retry",
                "exception",
                "ServiceUnavailable"))
        .isEqualTo(2);
    assertThat(
            after.minus(
                before,
                "backon.calls",
                "name",
                "downstream-breaker",
                "outcome",
                "failure_without_retry",
                "exception",
                "CircuitOpenException"))
        .as("calls 3 to 5, rejected at their first attempt")
        .isEqualTo(3);
    assertThat(
            after.minus(
                before,
                "backon.attempts",
                "name",
                "downstream-breaker",
                "outcome",
                "circuit_open",
                "exception",
                "CircuitOpenException"))
        .isEqualTo(4);
    assertThat(
            after.minus(
                before,
                "backon.attempts",
                "name",
                "downstream-retry",
                "outcome",
                "failure",
                "exception",
                "ServiceUnavailable"))
        .as("2 calls of 4 attempts, 2 of 3 (fallback)")
        .isEqualTo(14);
    assertThat(
            after.minus(
                before, "backon.hedges", "name", "downstream-hedged", "outcome", "all_failed"))
        .as("2 hedged attempts per call")
        .isEqualTo(4);
    assertThat(after.minus(before, "backon.circuitbreaker.not.permitted", "name", "downstream"))
        .isEqualTo(4);
    assertThat(
            after.minus(
                before,
                "backon.circuitbreaker.transitions",
                "name",
                "downstream",
                "from",
                "closed",
                "to",
                "open"))
        .isEqualTo(1);
    assertThat(
            after.minus(
                before,
                "backon.circuitbreaker.transitions",
                "name",
                "downstream",
                "from",
                "half_open",
                "to",
                "closed"))
        .isEqualTo(1);
    assertThat(
            meters
                .get("backon.circuitbreaker.state")
                .tags("name", "downstream", "state", "closed")
                .gauge()
                .value())
        .isEqualTo(1.0);
  }

  @Test
  void thePrometheusScrapeHasNoBackonMetricTheReadmeDoesNotDocument() {
    driveAnOutageAndItsEnd("scrape");

    String scrape =
        http.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(DocumentedMeters.backonMetricNames(scrape))
        .contains(
            "backon_calls_seconds_count",
            "backon_attempts_total",
            "backon_hedges_total",
            "backon_circuitbreaker_not_permitted_total",
            "backon_budget_tokens")
        .allSatisfy(
            name ->
                assertThat(DOCUMENTED.documents(name))
                    .as("%s is documented in the README", name)
                    .isTrue());
  }

  private static Set<String> tagKeys(Meter meter) {
    Set<String> keys = new LinkedHashSet<>();
    for (Tag tag : meter.getId().getTags()) {
      keys.add(tag.getKey());
    }
    return keys;
  }

  /** The counts of Backon's counters and timers at one moment. */
  static final class MeterCounts {

    private final Map<Meter.Id, Double> counts = new HashMap<>();

    MeterCounts(MeterRegistry registry) {
      for (Meter meter : registry.getMeters()) {
        if (meter.getId().getName().startsWith("backon.")) {
          counts.put(meter.getId(), countOf(meter));
        }
      }
    }

    /** The count of the series {@code name} with {@code tags} now, less its count {@code then}. */
    double minus(MeterCounts then, String name, String... tags) {
      return sum(name, tags) - then.sum(name, tags);
    }

    private double sum(String name, String... tags) {
      List<Tag> wanted = Tags.of(tags).stream().toList();
      return counts.entrySet().stream()
          .filter(
              series ->
                  series.getKey().getName().equals(name)
                      && series.getKey().getTags().containsAll(wanted))
          .mapToDouble(Map.Entry::getValue)
          .sum();
    }

    private static double countOf(Meter meter) {
      if (meter instanceof Timer timer) {
        return timer.count();
      }
      if (meter instanceof Counter counter) {
        return counter.count();
      }
      return meter instanceof FunctionCounter counter ? counter.count() : 0.0;
    }
  }
}

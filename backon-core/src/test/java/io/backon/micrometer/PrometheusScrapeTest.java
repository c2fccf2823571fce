package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgingPolicy;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Backon's meters as Prometheus sees them: the text format a scrape returns. */
class PrometheusScrapeTest extends MetricsFixture {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void theScrapeContainsEveryBackonMeterWithItsTags() throws Exception {
    BackonMicrometer metrics =
        BackonMicrometer.builder().meterRegistry(registry).attemptDurationHistogram(true).build();
    CircuitBreaker breaker = CircuitBreaker.ofDefaults("inventory");
    RetryBudget budget = RetryBudget.ofDefaults("shared");
    metrics.bindTo(breaker).bindTo(budget);
    Retrying retrying = Retrying.of(policy().retryBudget(budget).instrumentation(metrics).build());

    retrying.call(() -> flaky(1));
    breaker.forceOpen();
    breaker.tryAcquirePermission();

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains(
            "backon_calls_seconds_count{exception=\"none\",name=\"payments\","
                + "outcome=\"success_with_retry\"} 1")
        .contains(
            "backon_attempts_total{exception=\"IOException\",name=\"payments\","
                + "outcome=\"failure\"} 1.0")
        .contains(
            "backon_attempts_total{exception=\"none\",name=\"payments\","
                + "outcome=\"success\"} 1.0")
        .contains("backon_attempt_duration_seconds_bucket{name=\"payments\",outcome=\"success\",")
        .contains("backon_circuitbreaker_state{name=\"inventory\",state=\"forced_open\"} 1.0")
        .contains("backon_circuitbreaker_state{name=\"inventory\",state=\"closed\"} 0.0")
        .contains(
            "backon_circuitbreaker_transitions_total{from=\"closed\",name=\"inventory\","
                + "to=\"forced_open\"} 1.0")
        .contains("backon_circuitbreaker_not_permitted_total{name=\"inventory\"} 1.0")
        .contains("backon_circuitbreaker_failure_rate_percent{name=\"inventory\"} NaN")
        .contains("backon_circuitbreaker_slow_call_rate_percent{name=\"inventory\"} NaN")
        .contains("backon_budget_tokens{name=\"shared\"}")
        .contains("backon_budget_refused_total{name=\"shared\"} 0.0");
  }

  @Test
  void failuresAndHedgesAppearWithTheirOutcomes() {
    BackonMicrometer metrics = BackonMicrometer.of(registry);
    Retrying retrying = Retrying.of(policy().maxTries(2).instrumentation(metrics).build());

    assertThatThrownBy(() -> retrying.call(() -> flaky(5))).isInstanceOf(IOException.class);

    assertThat(registry.scrape())
        .contains(
            "backon_calls_seconds_count{exception=\"IOException\","
                + "name=\"payments\",outcome=\"failure_with_retry\"} 1");
  }

  @Test
  void observationsOfAHedgedCallAddOnlyTheDocumentedObservationTimers() throws Exception {
    ObservationRegistry observations = ObservationRegistry.create();
    observations
        .observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(registry));
    HedgingPolicy hedging = HedgingPolicy.builder().maxHedges(2).executor(Runnable::run).build();
    Retrying retrying =
        Retrying.of(
            policy()
                .hedging(hedging)
                .instrumentation(
                    BackonMicrometer.builder()
                        .meterRegistry(registry)
                        .observationRegistry(observations)
                        .observeAlways(true)
                        .build())
                .build());

    retrying.call(() -> flaky(1));

    List<String> documented = new ArrayList<>(documentedMeterNames());
    documented.addAll(
        List.of("backon.call", "backon.call.active", "backon.attempt", "backon.attempt.active"));
    assertThat(backonMetricNames(registry.scrape()))
        .contains("backon_hedges_total", "backon_attempt_seconds_count")
        .allSatisfy(
            name ->
                assertThat(isOneOf(name, documented))
                    .as("%s is a documented meter", name)
                    .isTrue());
  }

  /** The meter names declared in {@link BackonMeterNames}. */
  static List<String> documentedMeterNames() throws IllegalAccessException {
    List<String> names = new ArrayList<>();
    for (Field field : BackonMeterNames.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType() == String.class
          && ((String) field.get(null)).startsWith("backon.")) {
        names.add((String) field.get(null));
      }
    }
    return names;
  }

  /** Every metric name starting with "backon" in a scrape, from samples and comments alike. */
  static Set<String> backonMetricNames(String scrape) {
    Set<String> names = new TreeSet<>();
    Matcher metric =
        Pattern.compile("(?m)^(?:# (?:HELP|TYPE) )?(backon[a-zA-Z0-9_:]*)").matcher(scrape);
    while (metric.find()) {
      names.add(metric.group(1));
    }
    return names;
  }

  /** Whether a Prometheus name is one of {@code meterNames} with a unit or type suffix. */
  static boolean isOneOf(String prometheusName, List<String> meterNames) {
    for (String meterName : meterNames) {
      String base = meterName.replace('.', '_');
      if (prometheusName.matches(
          Pattern.quote(base) + "(_seconds|_percent)?(_count|_sum|_max|_bucket|_total)?")) {
        return true;
      }
    }
    return false;
  }
}

package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Backon's meters as Prometheus sees them: the text format a scrape returns. */
class PrometheusScrapeTest extends MetricsFixture {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void theScrapeContainsEveryBackonMeterWithItsTags() throws Exception {
    BackonMicrometer metrics = BackonMicrometer.builder().meterRegistry(registry)
        .attemptDurationHistogram(true).build();
    CircuitBreaker breaker = CircuitBreaker.ofDefaults("inventory");
    RetryBudget budget = RetryBudget.ofDefaults("shared");
    metrics.bindTo(breaker).bindTo(budget);
    Retrying retrying = Retrying.of(policy().retryBudget(budget).instrumentation(metrics).build());

    retrying.call(() -> flaky(1));
    breaker.forceOpen();
    breaker.tryAcquirePermission();

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("backon_calls_seconds_count{exception=\"none\",name=\"payments\","
            + "outcome=\"success_with_retry\"} 1")
        .contains("backon_attempts_total{exception=\"IOException\",name=\"payments\","
            + "outcome=\"failure\"} 1.0")
        .contains("backon_attempts_total{exception=\"none\",name=\"payments\","
            + "outcome=\"success\"} 1.0")
        .contains("backon_attempt_duration_seconds_bucket{name=\"payments\",outcome=\"success\",")
        .contains("backon_circuitbreaker_state{name=\"inventory\",state=\"forced_open\"} 1.0")
        .contains("backon_circuitbreaker_state{name=\"inventory\",state=\"closed\"} 0.0")
        .contains("backon_circuitbreaker_transitions_total{from=\"closed\",name=\"inventory\","
            + "to=\"forced_open\"} 1.0")
        .contains("backon_circuitbreaker_not_permitted_total{name=\"inventory\"} 1.0")
        .contains("backon_circuitbreaker_failure_rate_percent{name=\"inventory\"} -1.0")
        .contains("backon_circuitbreaker_slow_call_rate_percent{name=\"inventory\"} -1.0")
        .contains("backon_budget_tokens{name=\"shared\"}")
        .contains("backon_budget_refused_total{name=\"shared\"} 0.0");
  }

  @Test
  void failuresAndHedgesAppearWithTheirOutcomes() {
    BackonMicrometer metrics = BackonMicrometer.of(registry);
    Retrying retrying = Retrying.of(policy().maxTries(2).instrumentation(metrics).build());

    assertThatThrownBy(() -> retrying.call(() -> flaky(5))).isInstanceOf(IOException.class);

    assertThat(registry.scrape()).contains("backon_calls_seconds_count{exception=\"IOException\","
        + "name=\"payments\",outcome=\"failure_with_retry\"} 1");
  }
}

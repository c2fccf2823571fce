package io.backon.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.micrometer.BackonMicrometer;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.BackonConfigurationException;
import io.backon.spring.boot.autoconfigure.MetricsProperties;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class BackonMetricsAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  ObservationAutoConfiguration.class,
                  BackonAutoConfiguration.class,
                  BackonMetricsAutoConfiguration.class))
          .withPropertyValues(
              "backon.policies.payments.wait=none",
              "backon.policies.payments.circuit-breaker=payments-api",
              "backon.policies.payments.budget=payments-api",
              "backon.circuit-breakers.payments-api.failure-threshold=5",
              "backon.budgets.payments-api.max-tokens=20");

  @Test
  void everyCallOfAnAnnotatedBeanIsMeasured() {
    runner
        .withUserConfiguration(Client.Config.class)
        .run(
            context -> {
              Client client = context.getBean(Client.class);
              client.failFirst(2);

              assertThat(client.call()).isEqualTo("ok");

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(
                      meters
                          .get("backon.calls")
                          .tag("name", "payments")
                          .tag("outcome", "success_with_retry")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(
                      meters
                          .get("backon.attempts")
                          .tag("name", "payments")
                          .tag("outcome", "failure")
                          .tag("exception", "IOException")
                          .counter()
                          .count())
                  .isEqualTo(2);
              assertThat(meters.get("backon.attempts").tag("outcome", "success").counter().count())
                  .isEqualTo(1);
              assertThat(meters.find("backon.attempt.duration").meters())
                  .as("attempts are timed only on request")
                  .isEmpty();
            });
  }

  @Test
  void attemptDurationsAreTimedOnRequestWithBootsHistogramProperty() {
    runner
        .withConfiguration(AutoConfigurations.of(PrometheusMetricsExportAutoConfiguration.class))
        .withUserConfiguration(Client.Config.class)
        .withPropertyValues(
            "backon.metrics.attempt-durations=true",
            "management.metrics.distribution.percentiles-histogram.backon.attempt.duration=true")
        .run(
            context -> {
              Client client = context.getBean(Client.class);
              client.failFirst(1);

              assertThat(client.call()).isEqualTo("ok");

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              for (String outcome : new String[] {"failure", "success"}) {
                Timer timer =
                    meters
                        .get("backon.attempt.duration")
                        .tag("name", "payments")
                        .tag("outcome", outcome)
                        .timer();
                assertThat(timer.count()).as(outcome).isEqualTo(1);
              }
              assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
                  .contains(
                      "backon_attempt_duration_seconds_bucket{name=\"payments\",outcome=\"failure\",");
            });
  }

  @Test
  void failuresBeyondMaxExceptionTagsAreTaggedOther() {
    runner
        .withUserConfiguration(Client.Config.class)
        .withPropertyValues("backon.metrics.max-exception-tags=0")
        .run(
            context -> {
              Client client = context.getBean(Client.class);
              client.failFirst(1);

              assertThat(client.call()).isEqualTo("ok");

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(
                      meters
                          .get("backon.attempts")
                          .tags("name", "payments", "outcome", "failure", "exception", "other")
                          .counter()
                          .count())
                  .isEqualTo(1);
              assertThat(meters.find("backon.attempts").tag("exception", "IOException").meters())
                  .isEmpty();
            });
  }

  @Test
  void maxExceptionTagsDefaultsToTheCoresDefault() {
    assertThat(new MetricsProperties().getMaxExceptionTags())
        .isEqualTo(BackonMicrometer.DEFAULT_MAX_EXCEPTION_TAGS);
  }

  @Test
  void aNegativeMaxExceptionTagsStopsTheStartupNamingTheProperty() {
    runner
        .withPropertyValues("backon.metrics.max-exception-tags=-1")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(BackonConfigurationException.class)
                    .hasMessageContaining("BACKON-CFG-007")
                    .hasMessageContaining("backon.metrics.max-exception-tags")
                    .hasMessageContaining("0 or more"));
  }

  @Test
  void breakersAndBudgetsFromPropertiesHaveTheirMeters() {
    runner.run(
        context -> {
          MeterRegistry meters = context.getBean(MeterRegistry.class);

          assertThat(
                  meters
                      .get("backon.circuitbreaker.state")
                      .tag("name", "payments-api")
                      .tag("state", "closed")
                      .gauge()
                      .value())
              .isEqualTo(1.0);
          assertThat(meters.get("backon.budget.tokens").tag("name", "payments-api").gauge().value())
              .isEqualTo(20.0);
        });
  }

  @Test
  void aBreakerAndABudgetBuiltIntoARetryPolicyBeanHaveTheirMeters() {
    runner
        .withUserConfiguration(PolicyWithItsOwnBreaker.class)
        .run(
            context -> {
              MeterRegistry meters = context.getBean(MeterRegistry.class);

              assertThat(
                      meters
                          .get("backon.circuitbreaker.state")
                          .tag("name", "inline-breaker")
                          .tag("state", "closed")
                          .gauge()
                          .value())
                  .isEqualTo(1.0);
              assertThat(
                      meters
                          .get("backon.budget.tokens")
                          .tag("name", "inline-budget")
                          .gauge()
                          .value())
                  .isEqualTo(7.0);
              assertThat(
                      meters
                          .find("backon.circuitbreaker.state")
                          .tag("name", "payments-api")
                          .gauges())
                  .as("the configured breaker is still bound, once per state")
                  .hasSize(5);
            });
  }

  @Test
  void twoBudgetsSharingANameAreReported(CapturedOutput output) {
    runner
        .withUserConfiguration(TwoUnnamedBudgets.class)
        .run(
            context -> {
              context.getBean(MeterRegistry.class).get("backon.budget.tokens").gauge();

              assertThat(output)
                  .contains("2 different retry budgets are named 'default'")
                  .contains("Give each its own name");
            });
  }

  /** Two policy beans, each with a budget of the default name. */
  @Configuration(proxyBeanMethods = false)
  static class TwoUnnamedBudgets {
    @Bean
    RetryPolicy first() {
      return RetryPolicy.builder().retryBudget(RetryBudget.builder().build()).build();
    }

    @Bean
    RetryPolicy second() {
      return RetryPolicy.builder().retryBudget(RetryBudget.builder().build()).build();
    }
  }

  @Test
  void policiesDefinedAsBeansAreInstrumentedToo() {
    runner
        .withUserConfiguration(BeanPolicy.class)
        .run(
            context ->
                assertThat(
                        context
                            .getBean(RetryPolicyRegistry.class)
                            .policy("beanPolicy")
                            .instrumentation())
                    .isNotSameAs(RetryInstrumentation.NONE));
  }

  @Test
  void aRetryPolicyBeanWithoutANameIsMeasuredUnderItsBeanName() {
    runner
        .withUserConfiguration(BeanPolicy.class)
        .withBean(BeanPolicyClient.class)
        .run(
            context -> {
              assertThat(context.getBean(BeanPolicyClient.class).call()).isEqualTo("ok");

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(meters.get("backon.calls").tag("name", "beanPolicy").timer().count())
                  .isEqualTo(1);
              assertThat(meters.find("backon.calls").tag("name", RetryPolicy.DEFAULT_NAME).timers())
                  .isEmpty();
            });
  }

  @Test
  void aUserInstrumentationWins() {
    runner
        .withUserConfiguration(OwnInstrumentation.class)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(BackonMicrometer.class);
              assertThat(
                      context
                          .getBean(RetryPolicyRegistry.class)
                          .policy("payments")
                          .instrumentation())
                  .isSameAs(OwnInstrumentation.INSTANCE);
            });
  }

  @Test
  void nothingIsConfiguredWithoutAMeterRegistry() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                BackonAutoConfiguration.class, BackonMetricsAutoConfiguration.class))
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(BackonMicrometer.class);
              assertThat(
                      context
                          .getBean(RetryPolicyRegistry.class)
                          .policy("default")
                          .instrumentation())
                  .isSameAs(RetryInstrumentation.NONE);
            });
  }

  @Test
  void nothingIsConfiguredWithoutMicrometer() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                BackonAutoConfiguration.class, BackonMetricsAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(BackonMicrometer.class);
            });
  }

  @Test
  void thePrometheusScrapeContainsTheMeters() {
    runner
        .withConfiguration(AutoConfigurations.of(PrometheusMetricsExportAutoConfiguration.class))
        .withUserConfiguration(Client.Config.class)
        .run(
            context -> {
              Client client = context.getBean(Client.class);
              client.failFirst(10);
              assertThatThrownBy(client::call).isInstanceOf(IOException.class);

              String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();

              assertThat(scrape)
                  .contains(
                      "backon_calls_seconds_count{exception=\"IOException\",name=\"payments\",outcome=\"failure_with_retry\"} 1")
                  .contains(
                      "backon_attempts_total{exception=\"IOException\",name=\"payments\",outcome=\"failure\"} 3")
                  .contains("backon_circuitbreaker_state{name=\"payments-api\",state=\"closed\"} 1")
                  .contains("backon_budget_tokens{name=\"payments-api\"}");
            });
  }

  /** A bean with one @Backon method failing its first calls. */
  public static class Client {

    private final AtomicInteger failures = new AtomicInteger();

    void failFirst(int n) {
      failures.set(n);
    }

    @Backon("payments")
    public String call() throws IOException {
      if (failures.getAndDecrement() > 0) {
        throw new IOException("boom");
      }
      return "ok";
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {
      @Bean
      Client client() {
        return new Client();
      }
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class BeanPolicy {
    @Bean
    RetryPolicy beanPolicy() {
      return RetryPolicy.builder().maxTries(2).build();
    }
  }

  /** A policy bean whose breaker and budget exist only inside it, in no registry. */
  @Configuration(proxyBeanMethods = false)
  static class PolicyWithItsOwnBreaker {
    @Bean
    RetryPolicy ownBreakerPolicy() {
      return RetryPolicy.builder()
          .circuitBreaker(CircuitBreaker.builder("inline-breaker").build())
          .retryBudget(RetryBudget.builder().name("inline-budget").maxTokens(7).build())
          .build();
    }
  }

  /** Calls through the bean policy {@code beanPolicy}. */
  static class BeanPolicyClient {
    @Backon("beanPolicy")
    public String call() {
      return "ok";
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnInstrumentation {
    static final RetryInstrumentation INSTANCE =
        (policy, target) -> RetryInstrumentation.NONE.callStarted(policy, target);

    @Bean
    RetryInstrumentation myInstrumentation() {
      return INSTANCE;
    }
  }
}

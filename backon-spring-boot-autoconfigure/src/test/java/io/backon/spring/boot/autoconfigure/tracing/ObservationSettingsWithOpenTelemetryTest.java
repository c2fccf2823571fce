package io.backon.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.micrometer.BackonAttemptContext;
import io.backon.micrometer.BackonAttemptObservationConvention;
import io.backon.micrometer.BackonCallContext;
import io.backon.micrometer.BackonCallObservationConvention;
import io.backon.micrometer.DefaultBackonAttemptObservationConvention;
import io.backon.micrometer.DefaultBackonCallObservationConvention;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import io.backon.spring.boot.autoconfigure.metrics.BackonMetricsAutoConfiguration;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code backon.observations.enabled} and the convention beans do in an app traced by
 * Micrometer Tracing's OpenTelemetry bridge: every value the README names, and the user's {@link
 * BackonCallObservationConvention} and {@link BackonAttemptObservationConvention} beans naming and
 * tagging the spans.
 */
class ObservationSettingsWithOpenTelemetryTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  ObservationAutoConfiguration.class,
                  OpenTelemetrySdkAutoConfiguration.class,
                  OpenTelemetryTracingAutoConfiguration.class,
                  MicrometerTracingAutoConfiguration.class,
                  BackonAutoConfiguration.class,
                  BackonMetricsAutoConfiguration.class))
          .withBean(InMemorySpanExporter.class, InMemorySpanExporter::create)
          .withPropertyValues(
              "management.tracing.sampling.probability=1.0",
              "backon.policies.payments.wait=none",
              "backon.policies.payments.max-tries=3");

  @ParameterizedTest(name = "backon.observations.enabled={0}")
  @CsvSource({"auto, 1, 2", "AUTO, 1, 2", "on, 1, 2", "true, 1, 2", "off, 0, 0", "false, 0, 0"})
  void eachValueDecidesWhetherCallsAreSpans(String value, int calls, int attempts) {
    runner
        .withPropertyValues("backon.observations.enabled=" + value)
        .run(
            context -> {
              callOnceAfterOneFailure(context);

              ExportedSpans spans = spansOf(context);
              assertThat(spans.named("backon payments")).hasSize(calls);
              assertThat(spans.named("backon payments attempt")).hasSize(attempts);
              assertThat(context.getBean(MeterRegistry.class).get("backon.calls").timer().count())
                  .as("the call's meter, observed or not")
                  .isEqualTo(1);
            });
  }

  @Test
  void withoutTheSettingTheTracingBridgeMakesCallsSpans() {
    runner.run(
        context -> {
          callOnceAfterOneFailure(context);

          assertThat(spansOf(context).named("backon payments")).hasSize(1);
        });
  }

  @Test
  void aCallConventionBeanNamesAndTagsTheCallSpan() {
    runner
        .withUserConfiguration(Conventions.class)
        .run(
            context -> {
              callOnceAfterOneFailure(context);

              SpanData call = spansOf(context).one("charge via payments");
              assertThat(ExportedSpans.attribute(call, "team")).isEqualTo("checkout");
              assertThat(ExportedSpans.attribute(call, "outcome")).isEqualTo("success_with_retry");
            });
  }

  @Test
  void anAttemptConventionBeanNamesAndTagsTheAttemptSpans() {
    runner
        .withUserConfiguration(Conventions.class)
        .run(
            context -> {
              callOnceAfterOneFailure(context);

              ExportedSpans spans = spansOf(context);
              SpanData call = spans.one("charge via payments");
              assertThat(spans.childrenOf(call))
                  .extracting(SpanData::getName)
                  .containsExactly("charge attempt 1", "charge attempt 2");
              assertThat(spans.childrenOf(call))
                  .extracting(attempt -> ExportedSpans.attribute(attempt, "team"))
                  .containsOnly("checkout");
            });
  }

  private static void callOnceAfterOneFailure(AssertableApplicationContext context)
      throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    String result =
        context
            .getBean(RetryPolicyRegistry.class)
            .retrying("payments")
            .call(
                () -> {
                  if (attempts.incrementAndGet() == 1) {
                    throw new IOException("503 Service Unavailable");
                  }
                  return "charged";
                });
    assertThat(result).isEqualTo("charged");
  }

  private static ExportedSpans spansOf(AssertableApplicationContext context) {
    return new ExportedSpans(
        context.getBean(InMemorySpanExporter.class), context.getBean(SdkTracerProvider.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class Conventions {

    @Bean
    BackonCallObservationConvention chargeCallConvention() {
      return new DefaultBackonCallObservationConvention() {
        @Override
        public String getContextualName(BackonCallContext context) {
          return "charge via " + context.policyName();
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(BackonCallContext context) {
          return super.getLowCardinalityKeyValues(context).and("team", "checkout");
        }
      };
    }

    @Bean
    BackonAttemptObservationConvention chargeAttemptConvention() {
      return new DefaultBackonAttemptObservationConvention() {
        @Override
        public String getContextualName(BackonAttemptContext context) {
          return "charge attempt " + context.attemptNumber();
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(BackonAttemptContext context) {
          return super.getLowCardinalityKeyValues(context).and("team", "checkout");
        }
      };
    }
  }
}

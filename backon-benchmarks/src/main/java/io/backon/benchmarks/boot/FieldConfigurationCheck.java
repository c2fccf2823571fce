package io.backon.benchmarks.boot;

import io.backon.benchmarks.boot.BootBenchmarkApplication.Tracing;
import io.backon.micrometer.BackonMeterNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.concurrent.TimeUnit;
import org.springframework.aop.framework.Advised;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Checks that a started {@link BootBenchmarkApplication} is the field configuration, after each
 * library's methods ran at least once: every annotated bean advised; one Prometheus registry with
 * Backon's and Resilience4j's meters in it; a live {@code ObservationRegistry}; and a tracer that
 * exports spans exactly in the tracing variant. Each failure throws {@link IllegalStateException}.
 */
final class FieldConfigurationCheck {

  private static final String RESILIENCE4J_RETRY_CALLS = "resilience4j.retry.calls";

  private FieldConfigurationCheck() {}

  /** A bean that is not proxied with advice would silently benchmark nothing. */
  static void requireAdvised(Object... beans) {
    for (Object bean : beans) {
      if (!(bean instanceof Advised advised) || advised.getAdvisors().length == 0) {
        throw new IllegalStateException(bean.getClass().getName() + " is not advised");
      }
    }
  }

  /** Checks meters, observations and tracing. */
  static void require(ConfigurableApplicationContext context, Tracing tracing) {
    MeterRegistry meters = context.getBean(MeterRegistry.class);
    require(
        meters instanceof PrometheusMeterRegistry,
        "the meter registry is " + meters.getClass().getName() + ", not Prometheus's");
    require(!meters.find(BackonMeterNames.CALLS).meters().isEmpty(), "no Backon meters");
    require(!meters.find(RESILIENCE4J_RETRY_CALLS).meters().isEmpty(), "no Resilience4j meters");
    require(
        !context.getBean(ObservationRegistry.class).isNoop(),
        "the observation registry is a no-op");
    String[] tracers = context.getBeanNamesForType(io.micrometer.tracing.Tracer.class);
    if (tracing == Tracing.NONE) {
      require(tracers.length == 0, "a Tracer without tracing");
    } else {
      require(tracers.length == 1, "no Tracer with tracing");
      context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
      require(context.getBean(DiscardingSpanExporter.class).exported() > 0, "no span exported");
    }
  }

  private static void require(boolean condition, String failure) {
    if (!condition) {
      throw new IllegalStateException("Not the field configuration: " + failure);
    }
  }
}

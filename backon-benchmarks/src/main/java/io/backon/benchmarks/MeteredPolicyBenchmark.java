package io.backon.benchmarks;

import io.backon.Retrying;
import io.backon.micrometer.BackonMicrometer;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The realistic policy of {@link RealisticPolicyBenchmark} with its metrics on, as a plain-Java
 * user with Micrometer runs it (issue 13, targets 1 and 2): first-attempt success, every variant
 * recording into the same {@link PrometheusMeterRegistry}.
 *
 * <ul>
 *   <li>{@code backonMetered}: {@code BackonMicrometer.of(meterRegistry)}: Backon's meters, which
 *       time the call ({@code backon.calls} is a timer) and count its attempt ({@code
 *       backon.attempts}; attempt timers are off by default).
 *   <li>{@code backonObserved}: {@code BackonMicrometer.of(meterRegistry, observationRegistry)},
 *       where the observation registry's only handler is Micrometer's {@link
 *       DefaultMeterObservationHandler} (what Boot with Actuator wires when no tracing is present):
 *       Backon sees that nothing but that handler consumes the observations and makes none.
 *   <li>{@code backonObservedAlways}: the same with {@code observeAlways(true)}: what the
 *       observations themselves cost (a call and an attempt observation, and the handler's timers).
 *   <li>{@code resilience4jMetered}: Resilience4j's {@code Retry} with {@link TaggedRetryMetrics}
 *       bound to the registry; it counts calls by outcome and reads no clock.
 *   <li>{@code resilience4jMeteredTimed}: the same inside one Micrometer {@link Timer}, so that it
 *       measures what {@code backon.calls} measures: the target of issue 13's first item.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class MeteredPolicyBenchmark {

  private static final Callable<String> TARGET = Targets::answer;

  private final PrometheusMeterRegistry meterRegistry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private final ObservationRegistry observationRegistry = meterHandlerOnly(meterRegistry);

  /** What every listener counts; stays at zero here, as no call retries. */
  private final LongAdder retries = new LongAdder();

  private final Retrying backonMetered =
      Retrying.of(
          RealisticPolicies.backon(retries)
              .name("metered")
              .instrumentation(BackonMicrometer.of(meterRegistry))
              .build());

  private final Retrying backonObserved =
      Retrying.of(
          RealisticPolicies.backon(retries)
              .name("observed")
              .instrumentation(BackonMicrometer.of(meterRegistry, observationRegistry))
              .build());

  private final Retrying backonObservedAlways =
      Retrying.of(
          RealisticPolicies.backon(retries)
              .name("observedAlways")
              .instrumentation(
                  BackonMicrometer.builder()
                      .meterRegistry(meterRegistry)
                      .observationRegistry(observationRegistry)
                      .observeAlways(true)
                      .build())
              .build());

  private final Callable<String> resilience4jMetered =
      Retry.decorateCallable(meteredResilience4j(meterRegistry, retries), TARGET);

  private final Timer resilience4jTimer =
      Timer.builder("resilience4j.calls").tag("name", "realistic").register(meterRegistry);

  private static ObservationRegistry meterHandlerOnly(PrometheusMeterRegistry meterRegistry) {
    ObservationRegistry registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(meterRegistry));
    return registry;
  }

  /** The realistic Resilience4j retry, from a registry whose tagged metrics are bound. */
  private static Retry meteredResilience4j(
      PrometheusMeterRegistry meterRegistry, LongAdder retries) {
    RetryRegistry retryRegistry = RetryRegistry.ofDefaults();
    Retry retry =
        retryRegistry.retry("realistic", RealisticPolicies.resilience4j(retries).getRetryConfig());
    retry.getEventPublisher().onRetry(event -> retries.increment());
    TaggedRetryMetrics.ofRetryRegistry(retryRegistry).bindTo(meterRegistry);
    return retry;
  }

  /** Backon with its meters. */
  @Benchmark
  public void backonMetered(Blackhole blackhole) throws Exception {
    blackhole.consume(backonMetered.call(TARGET));
  }

  /** Backon with its meters and an observation registry whose only handler makes timers. */
  @Benchmark
  public void backonObserved(Blackhole blackhole) throws Exception {
    blackhole.consume(backonObserved.call(TARGET));
  }

  /** Backon with its meters and observations made although only the meter handler takes them. */
  @Benchmark
  public void backonObservedAlways(Blackhole blackhole) throws Exception {
    blackhole.consume(backonObservedAlways.call(TARGET));
  }

  /** Resilience4j with its tagged retry metrics. */
  @Benchmark
  public void resilience4jMetered(Blackhole blackhole) throws Exception {
    blackhole.consume(resilience4jMetered.call());
  }

  /** Resilience4j with its tagged retry metrics, timed by one Micrometer timer. */
  @Benchmark
  public void resilience4jMeteredTimed(Blackhole blackhole) throws Exception {
    blackhole.consume(resilience4jTimer.recordCallable(resilience4jMetered));
  }
}

package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.instrumentation.AttemptOutcome;
import io.backon.instrumentation.AttemptTracer;
import io.backon.instrumentation.CallOutcome;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.instrumentation.TraceScope;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A metered first-attempt success allocates nothing once its policy's meters are resolved: the SPI
 * driven as the engine drives it, and a whole call through {@code Retrying}. Counts the bytes the
 * thread allocates, so the test is deterministic; speed is measured by the JMH benchmarks.
 */
class MeteredCallAllocationTest {

  private static final int CALLS = 20_000;
  private static final long ATTEMPT_NANOS = 1_000_000L;
  private static final long CALL_NANOS = 1_200_000L;

  private final RetryPolicy policy = RetryPolicy.builder().name("payments").build();

  @Test
  void aMeteredFirstAttemptSuccessAllocatesNothingWithASimpleMeterRegistry() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    long bytes = allocatedBy(BackonMicrometer.of(registry));

    assertThat(bytes).as("bytes allocated by %d metered calls", CALLS).isLessThan(2_000);
    assertThat(
            registry
                .get(BackonMeterNames.CALLS)
                .tag("outcome", "success_without_retry")
                .timer()
                .count())
        .isEqualTo(2L * CALLS);
  }

  @Test
  void aMeteredFirstAttemptSuccessAllocatesNothingWithAPrometheusRegistryAndHistogram()
      throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    long bytes =
        allocatedBy(
            BackonMicrometer.builder()
                .meterRegistry(registry)
                .attemptDurationHistogram(true)
                .build());

    assertThat(bytes).as("bytes allocated by %d metered calls", CALLS).isLessThan(2_000);
    assertThat(
            registry
                .get(BackonMeterNames.ATTEMPT_DURATION)
                .tag("outcome", "success")
                .timer()
                .totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(2.0 * CALLS);
  }

  @Test
  void aMeteredCallOfARealisticPolicyWithABreakerAllocatesNothingWhenItsFirstAttemptSucceeds()
      throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LongAdder retries = new LongAdder();
    Retrying retrying =
        Retrying.of(
            RetryPolicy.builder()
                .name("payments")
                .maxTries(3)
                .wait(Wait.expo(Duration.ofMillis(100), Duration.ofSeconds(5)))
                .jitter(Jitter.full())
                .retryOn(IOException.class)
                .onBackoff(event -> retries.increment())
                .circuitBreaker(CircuitBreaker.builder("payments").build())
                .instrumentation(BackonMicrometer.of(registry))
                .build());
    Callable<String> target = () -> "charged";

    long bytes = allocatedBy(() -> retrying.call(target));

    assertThat(bytes / CALLS).as("bytes per metered call (%d calls)", CALLS).isZero();
    assertThat(
            registry
                .get(BackonMeterNames.CALLS)
                .tag("outcome", "success_without_retry")
                .timer()
                .count())
        .isEqualTo(2L * CALLS);
    assertThat(registry.get(BackonMeterNames.ATTEMPTS).tag("outcome", "success").counter().count())
        .isEqualTo(2.0 * CALLS);
    assertThat(retries.sum()).isZero();
  }

  @Test
  void aMeteredCallAllocatesNothingWhenItsObservationRegistryHasOnlyTheMeterHandler()
      throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    observations
        .observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(registry));

    long bytes = allocatedBy(BackonMicrometer.of(registry, observations));

    assertThat(bytes).as("bytes allocated by %d metered calls", CALLS).isLessThan(2_000);
    assertThat(registry.find("backon.call").timer()).isNull();
  }

  @Test
  void aMeteredAsyncCallOfACompletedStageAllocatesNothingButTheFutureItReturns() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Retrying retrying =
        Retrying.of(
            RetryPolicy.builder()
                .name("payments")
                .retryOn(IOException.class)
                .instrumentation(BackonMicrometer.of(registry))
                .build());
    CompletableFuture<String> done = CompletableFuture.completedFuture("charged");
    Supplier<CompletableFuture<String>> target = () -> done;

    long bytes = allocatedBy(() -> retrying.callAsync(target));

    assertThat(bytes / CALLS)
        .as("bytes per metered async call (one completed future)")
        .isLessThanOrEqualTo(24);
    assertThat(
            registry
                .get(BackonMeterNames.CALLS)
                .tag("outcome", "success_without_retry")
                .timer()
                .count())
        .isEqualTo(2L * CALLS);
  }

  /** Runs {@link #CALLS} calls to warm up, then counts the bytes of {@link #CALLS} more. */
  private long allocatedBy(RetryInstrumentation instrumentation) throws Exception {
    return allocatedBy(() -> succeedAtOnce(instrumentation));
  }

  /** Runs {@link #CALLS} calls to warm up, then counts the bytes of {@link #CALLS} more. */
  private static long allocatedBy(Callable<?> call) throws Exception {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    long id = Thread.currentThread().getId();
    for (int i = 0; i < CALLS; i++) {
      call.call();
    }

    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < CALLS; i++) {
      call.call();
    }
    return threads.getThreadAllocatedBytes(id) - before;
  }

  /** The SPI calls of a first-attempt success, in the engine's order. */
  private @Nullable Void succeedAtOnce(RetryInstrumentation instrumentation) {
    CallTracer call = instrumentation.callStarted(policy, "PaymentsClient.charge");
    AttemptTracer attempt = call.attemptStarted(1);
    try (TraceScope scope = attempt.openScope()) {
      // the target runs here
    }
    attempt.attemptEnded(AttemptOutcome.SUCCESS, null, ATTEMPT_NANOS);
    call.callEnded(CallOutcome.success(1), null, 1, CALL_NANOS);
    return null;
  }
}

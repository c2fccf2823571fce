package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.backon.RetryPolicy;
import io.backon.instrumentation.AttemptOutcome;
import io.backon.instrumentation.AttemptTracer;
import io.backon.instrumentation.CallOutcome;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.instrumentation.TraceScope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A metered first-attempt success allocates nothing once its policy's meters are resolved. Drives
 * the SPI exactly as the engine does on that path and counts the bytes the thread allocates, so
 * the test is deterministic; speed is measured by the JMH benchmarks.
 */
class MeteredCallAllocationTest {

  private static final int CALLS = 20_000;
  private static final long ATTEMPT_NANOS = 1_000_000L;
  private static final long CALL_NANOS = 1_200_000L;

  private final RetryPolicy policy = RetryPolicy.builder().name("payments").build();

  @Test
  void aMeteredFirstAttemptSuccessAllocatesNothingWithASimpleMeterRegistry() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    long bytes = allocatedBy(BackonMicrometer.of(registry));

    assertThat(bytes).as("bytes allocated by %d metered calls", CALLS).isLessThan(2_000);
    assertThat(registry.get(BackonMeterNames.CALLS).tag("outcome", "success_without_retry")
        .timer().count()).isEqualTo(2L * CALLS);
  }

  @Test
  void aMeteredFirstAttemptSuccessAllocatesNothingWithAPrometheusRegistryAndHistogram() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    long bytes = allocatedBy(BackonMicrometer.builder().meterRegistry(registry)
        .attemptDurationHistogram(true).build());

    assertThat(bytes).as("bytes allocated by %d metered calls", CALLS).isLessThan(2_000);
    assertThat(registry.get(BackonMeterNames.ATTEMPT_DURATION).tag("outcome", "success").timer()
        .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2.0 * CALLS);
  }

  /** Runs {@link #CALLS} calls to warm up, then counts the bytes of {@link #CALLS} more. */
  private long allocatedBy(RetryInstrumentation instrumentation) {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    long id = Thread.currentThread().getId();
    for (int i = 0; i < CALLS; i++) {
      succeedAtOnce(instrumentation);
    }

    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < CALLS; i++) {
      succeedAtOnce(instrumentation);
    }
    return threads.getThreadAllocatedBytes(id) - before;
  }

  /** The SPI calls of a first-attempt success, in the engine's order. */
  private void succeedAtOnce(RetryInstrumentation instrumentation) {
    CallTracer call = instrumentation.callStarted(policy, "PaymentsClient.charge");
    AttemptTracer attempt = call.attemptStarted(1);
    try (TraceScope scope = attempt.openScope()) {
      // the target runs here
    }
    attempt.attemptEnded(AttemptOutcome.SUCCESS, null, ATTEMPT_NANOS);
    call.callEnded(CallOutcome.success(1), null, 1, CALL_NANOS);
  }
}

package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.internal.Pipeline;
import io.backon.time.Clock;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The first-attempt success path must allocate nothing (DESIGN: no event, no state, no Duration),
 * whichever sync face is used. Counts bytes, not time, so it is deterministic; speed is measured by
 * the JMH benchmarks.
 */
class SuccessPathAllocationTest {

  private static final Callable<String> TARGET = () -> "ok";
  private static final int CALLS = 20_000;

  /** Warm-up calls before measuring the {@code get}, {@code run} and budgeted faces. */
  private static final int WARM_UP = 300_000;

  @Test
  void aFirstAttemptSuccessWithoutInstrumentationAllocatesNothingAndReadsNoClock()
      throws Exception {
    AtomicInteger clockReads = new AtomicInteger();
    Clock counting = countingClock(clockReads);
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxTries(3)
            .clock(counting)
            .instrumentation(RetryInstrumentation.NONE)
            .build();
    Retrying retrying = Retrying.of(policy);
    retrying.call(TARGET);

    assertThat(Pipeline.of(policy).instrumented()).isFalse();
    assertThat(Pipeline.of(policy).timed()).isFalse();
    assertThat(clockReads).hasValue(0);
    assertThat(allocatedBy(retrying))
        .as("bytes allocated by %d successful calls", CALLS)
        .isLessThan(2_000);
  }

  @Test
  void aFirstAttemptSuccessThroughACircuitBreakerAllocatesNothingAndReadsNoClock()
      throws Exception {
    AtomicInteger clockReads = new AtomicInteger();
    Clock counting = countingClock(clockReads);
    CircuitBreaker breaker =
        CircuitBreaker.builder("stock")
            .clock(counting)
            .countBasedWindow(100)
            .failureRateThreshold(50)
            .build();
    RetryPolicy policy =
        RetryPolicy.builder().maxTries(3).clock(counting).circuitBreaker(breaker).build();
    Retrying retrying = Retrying.of(policy);
    clockReads.set(0); // the breaker reads the clock once when it is built

    retrying.call(TARGET);

    assertThat(Pipeline.of(policy).timed()).isFalse();
    assertThat(clockReads).as("no slow-call rule, nothing timed: no clock read").hasValue(0);
    assertThat(allocatedBy(retrying))
        .as("bytes allocated by %d successful calls", CALLS)
        .isLessThan(2_000);
    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(100);
  }

  @Test
  void aFirstAttemptSuccessAllocatesNothing() throws Exception {
    Retrying retrying = Retrying.of(RetryPolicy.builder().maxTries(3).build());
    // Reading the counter itself may allocate a few bytes; one byte per call would be 20 kB.
    assertThat(allocatedBy(retrying))
        .as("bytes allocated by %d successful calls", CALLS)
        .isLessThan(2_000);
  }

  @Test
  void getAllocatesNothingOnAFirstAttemptSuccess() throws Exception {
    Retrying retrying = Retrying.of(RetryPolicy.builder().maxTries(3).build());
    Supplier<String> target = () -> "ok";
    assertThat(allocatedBy(() -> retrying.get(target))).isLessThan(2_000);
  }

  @Test
  void runAllocatesNothingOnAFirstAttemptSuccess() throws Exception {
    Retrying retrying = Retrying.of(RetryPolicy.builder().maxTries(3).build());
    CheckedRunnable target = () -> {};
    assertThat(
            allocatedBy(
                () -> {
                  retrying.run(target);
                  return null;
                }))
        .isLessThan(2_000);
  }

  @Test
  void aBudgetedPolicyAllocatesNothingOnAFirstAttemptSuccess() throws Exception {
    Retrying retrying =
        Retrying.of(
            RetryPolicy.builder()
                .maxTries(3)
                .retryBudget(RetryBudget.ofDefaults("review"))
                .build());
    Callable<String> target = () -> "ok";
    assertThat(allocatedBy(() -> retrying.call(target))).isLessThan(2_000);
  }

  /** A clock standing still at zero that counts how often it is read. */
  private static Clock countingClock(AtomicInteger reads) {
    return new Clock() {
      @Override
      public long nanoTime() {
        reads.incrementAndGet();
        return 0L;
      }

      @Override
      public java.time.Instant wallTime() {
        reads.incrementAndGet();
        return java.time.Instant.EPOCH;
      }
    };
  }

  private static long allocatedBy(Retrying retrying) throws Exception {
    com.sun.management.ThreadMXBean threads = allocationCounter();
    long id = Thread.currentThread().getId();
    for (int i = 0; i < CALLS; i++) {
      retrying.call(TARGET);
    }

    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < CALLS; i++) {
      retrying.call(TARGET);
    }
    return threads.getThreadAllocatedBytes(id) - before;
  }

  private static long allocatedBy(Callable<?> body) throws Exception {
    com.sun.management.ThreadMXBean threads = allocationCounter();
    long id = Thread.currentThread().getId();
    for (int i = 0; i < WARM_UP; i++) {
      body.call();
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < CALLS; i++) {
      body.call();
    }
    return threads.getThreadAllocatedBytes(id) - before;
  }

  /** The per-thread allocation counter, switched on; skips the test where the JVM has none. */
  private static com.sun.management.ThreadMXBean allocationCounter() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    return threads;
  }
}

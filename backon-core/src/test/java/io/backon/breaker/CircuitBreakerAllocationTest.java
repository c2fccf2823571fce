package io.backon.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A permitted, successful call in CLOSED (tryAcquirePermission + onSuccess) must allocate nothing,
 * with or without a sliding window. Counts bytes, not time, so it is deterministic.
 */
class CircuitBreakerAllocationTest {

  private static final int CALLS = 20_000;

  static Stream<Arguments> breakers() {
    return Stream.of(
        Arguments.of("no window", CircuitBreaker.ofDefaults("plain")),
        Arguments.of(
            "count window",
            CircuitBreaker.builder("count")
                .countBasedWindow(100)
                .slowCallDuration(Duration.ofSeconds(1))
                .build()),
        Arguments.of(
            "time window",
            CircuitBreaker.builder("time")
                .timeBasedWindow(Duration.ofSeconds(10))
                .slowCallDuration(Duration.ofSeconds(1))
                .build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakers")
  void aPermittedSuccessfulCallInClosedAllocatesNothing(String kind, CircuitBreaker breaker) {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    long id = Thread.currentThread().getId();
    callSuccessfully(breaker); // warm up

    long before = threads.getThreadAllocatedBytes(id);
    callSuccessfully(breaker);
    long allocated = threads.getThreadAllocatedBytes(id) - before;

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    // Reading the counter itself may allocate a few bytes; one byte per call would be 20 kB.
    assertThat(allocated).as("bytes allocated by %d calls (%s)", CALLS, kind).isLessThan(2_000);
  }

  private static void callSuccessfully(CircuitBreaker breaker) {
    for (int i = 0; i < CALLS; i++) {
      if (breaker.tryAcquirePermission()) {
        breaker.onSuccess(1_000L);
      }
    }
  }
}

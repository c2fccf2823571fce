package io.backon.review2;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitState;
import io.backon.testing.FakeClock;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Review 2: failure-rate rules of the sliding windows. */
class BreakerRateReviewTest {

  private static final IOException BOOM = new IOException("boom");

  private final FakeClock clock = new FakeClock();

  private static void fail(CircuitBreaker breaker, int n) {
    for (int i = 0; i < n; i++) {
      assertThat(breaker.tryAcquirePermission()).isTrue();
      breaker.onError(0L, BOOM);
    }
  }

  private static void succeed(CircuitBreaker breaker, int n) {
    for (int i = 0; i < n; i++) {
      assertThat(breaker.tryAcquirePermission()).isTrue();
      breaker.onSuccess(0L);
    }
  }

  /**
   * 3 failures + 1 success = 4 calls (minimumCalls) at 75% >= 50%: the rule "once the window holds
   * minimumCalls calls, a failure rate of at least failureRateThreshold opens" holds, but a fast
   * success never evaluates the rates (ClosedMetrics.recordSuccess returns early unless slow).
   */
  @Test
  void aFastSuccessThatCompletesMinimumCallsOpensWhenTheFailureRateIsExceeded() {
    CircuitBreaker breaker = CircuitBreaker.builder("rate").clock(clock)
        .countBasedWindow(10).minimumCalls(4).failureRateThreshold(50).build();

    fail(breaker, 3);
    succeed(breaker, 1);

    assertThat(breaker.snapshot().failureRate()).isEqualTo(75.0);
    assertThat(breaker.state()).as("75% of the minimum 4 calls failed").isEqualTo(CircuitState.OPEN);
    assertThat(breaker.tryAcquirePermission()).isFalse();
  }

  @Test
  void sameWithTheDefaultMinimumOfTenCalls_9of10Failed_stillLetsCallsThrough() {
    CircuitBreaker breaker = CircuitBreaker.builder("rate10").clock(clock)
        .timeBasedWindow(Duration.ofSeconds(60)).build();

    fail(breaker, 9);
    succeed(breaker, 1);

    assertThat(breaker.snapshot().failureRate()).isEqualTo(90.0);
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  /**
   * A one-day time window at ~25k calls/s holds more than Integer.MAX_VALUE calls; TimeWindow.totals
   * sums the buckets in int and overflows to a negative count, which is "below minimumCalls", so
   * a 100% failure rate never opens the breaker (and the snapshot reports negative calls).
   */
  @Test
  void aLargeTimeWindowDoesNotOverflowItsTotals() throws Exception {
    int seconds = 86_400;
    CircuitBreaker breaker = CircuitBreaker.builder("busy").clock(clock)
        .timeBasedWindow(Duration.ofSeconds(seconds)).minimumCalls(100).build();
    fail(breaker, 1); // creates the window's first bucket

    Object window = windowOf(breaker);
    AtomicLongArray stamps = field(window, "stamps");
    AtomicIntegerArray calls = field(window, "calls");
    AtomicIntegerArray failed = field(window, "failed");
    long now = Math.floorDiv(clock.nanoTime(), 1_000_000_000L);
    for (int k = 0; k < seconds; k++) { // 25,000 failed calls in each of the last 86,400 seconds
      long second = now - k;
      int index = (int) Math.floorMod(second, (long) seconds);
      stamps.set(index, second);
      calls.set(index, 25_000);
      failed.set(index, 25_000);
    }

    fail(breaker, 1);
    assertThat(breaker.state()).as("100% of 2.16e9 calls failed").isEqualTo(CircuitState.OPEN);
    assertThat(breaker.snapshot().bufferedCalls()).as("2.16e9 calls").isPositive();
  }

  private static Object windowOf(CircuitBreaker breaker) throws Exception {
    Object machine = field(breaker, "machine");
    AtomicReference<?> phase = field(machine, "phase");
    Object metrics = field(phase.get(), "metrics");
    return field(metrics, "window");
  }

  @SuppressWarnings("unchecked")
  private static <T> T field(Object owner, String name) throws Exception {
    Field f = owner.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return (T) f.get(owner);
  }
}

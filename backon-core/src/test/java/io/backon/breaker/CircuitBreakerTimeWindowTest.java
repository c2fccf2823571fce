package io.backon.breaker;

import static io.backon.breaker.Calls.fail;
import static io.backon.breaker.Calls.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.testing.FakeClock;
import io.backon.time.Clock;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The time-based window: one bucket per second of the monotonic clock, reused lap after lap. */
class CircuitBreakerTimeWindowTest {

  private static final Duration SLOW = Duration.ofSeconds(2);

  private final FakeClock clock = new FakeClock();

  private CircuitBreakerBuilder breaker() {
    return CircuitBreaker.builder("payments").clock(clock);
  }

  @Test
  void timeWindowJudgesOnlyTheCallsOfItsLastSeconds() {
    CircuitBreaker breaker =
        breaker().timeBasedWindow(Duration.ofSeconds(10)).minimumCalls(4).build();
    fail(breaker, 3);
    clock.advance(Duration.ofSeconds(10));

    fail(breaker, 1);
    succeed(breaker, 2);

    assertThat(breaker.snapshot().bufferedCalls()).as("the first 3 failures aged out").isEqualTo(3);
    fail(breaker, 1);
    assertThat(breaker.state()).as("2 of 4 failed: 50%").isEqualTo(CircuitState.OPEN);
  }

  @Test
  void timeWindowSumsEverySecondInsideTheWindow() {
    CircuitBreaker breaker =
        breaker()
            .timeBasedWindow(Duration.ofSeconds(5))
            .minimumCalls(5)
            .failureRateThreshold(60)
            .build();

    for (int second = 0; second < 4; second++) {
      succeed(breaker, 1);
      fail(breaker, 1);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(8);
    assertThat(breaker.snapshot().failureRate()).isEqualTo(50.0);
    fail(breaker, 2);

    assertThat(breaker.state()).as("6 of 10 failed").isEqualTo(CircuitState.OPEN);
  }

  @Test
  void timeWindowReusesABucketAfterAFullLap() {
    CircuitBreaker breaker =
        breaker()
            .timeBasedWindow(Duration.ofSeconds(3))
            .minimumCalls(1)
            .failureRateThreshold(100)
            .build();
    succeed(breaker, 5);

    clock.advance(Duration.ofSeconds(3)); // same bucket index, a later second
    fail(breaker, 1);

    assertThat(breaker.state()).as("the 5 old successes were dropped").isEqualTo(CircuitState.OPEN);
  }

  @Test
  void timeWindowBucketsAreResetWhenTheRingWraps() {
    CircuitBreaker breaker =
        breaker()
            .timeBasedWindow(Duration.ofSeconds(3))
            .minimumCalls(10)
            .slowCallDuration(SLOW)
            .build();
    fail(breaker, 2);
    succeed(breaker, 1, SLOW);

    clock.advance(Duration.ofSeconds(3)); // same bucket index, a later second
    succeed(breaker, 1);

    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.bufferedCalls()).isEqualTo(1);
    assertThat(snapshot.failedCalls()).as("failures of the previous lap").isZero();
    assertThat(snapshot.slowCalls()).as("slow calls of the previous lap").isZero();
  }

  /** {@link System#nanoTime()} may be negative; the window must count from the first call. */
  @Test
  void timeWindowCountsCallsWhileTheMonotonicClockIsNegative() {
    Clock negative =
        new Clock() {
          @Override
          public long nanoTime() {
            return clock.nanoTime() - Duration.ofDays(1).toNanos();
          }

          @Override
          public Instant wallTime() {
            return clock.wallTime();
          }
        };
    CircuitBreaker breaker =
        CircuitBreaker.builder("payments")
            .clock(negative)
            .timeBasedWindow(Duration.ofSeconds(10))
            .minimumCalls(4)
            .build();

    fail(breaker, 1);
    succeed(breaker, 2);

    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(3);
    assertThat(breaker.snapshot().failedCalls()).isEqualTo(1);
    fail(breaker, 1);
    assertThat(breaker.state()).as("2 of 4 failed: 50%").isEqualTo(CircuitState.OPEN);
  }

  /**
   * A one-day time window at ~25k calls/s holds more than Integer.MAX_VALUE calls;
   * TimeWindow.totals sums the buckets in int and overflows to a negative count, which is "below
   * minimumCalls", so a 100% failure rate never opens the breaker (and the snapshot reports
   * negative calls).
   */
  @Test
  void aLargeTimeWindowDoesNotOverflowItsTotals() throws Exception {
    int seconds = 86_400;
    CircuitBreaker breaker =
        CircuitBreaker.builder("busy")
            .clock(clock)
            .timeBasedWindow(Duration.ofSeconds(seconds))
            .minimumCalls(100)
            .build();
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

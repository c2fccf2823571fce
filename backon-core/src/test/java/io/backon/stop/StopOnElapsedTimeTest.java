package io.backon.stop;

import static io.backon.testfixtures.TestRetryState.afterAttempt;
import static io.backon.testfixtures.TestRetryState.afterRunningFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Stops on time: after a delay, after a delay read from a supplier, or before the next wait would
 * end past a delay.
 */
class StopOnElapsedTimeTest {

  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @Nested
  class AfterADelay {

    @Test
    void stopsOnceTheDelayHasElapsed() {
      Stop stop = Stop.afterDelay(TEN_SECONDS);

      assertThat(stop.shouldStop(afterRunningFor(TEN_SECONDS))).isTrue();
      assertThat(stop.shouldStop(afterRunningFor(Duration.ofMinutes(1)))).isTrue();
    }

    @Test
    void keepsRetryingBeforeTheDelay() {
      Stop stop = Stop.afterDelay(TEN_SECONDS);

      assertThat(stop.shouldStop(afterRunningFor(TEN_SECONDS.minusNanos(1)))).isFalse();
    }

    @Test
    void ignoresTheUpcomingWait() {
      TestRetryState state =
          afterRunningFor(Duration.ofSeconds(9)).upcomingWait(Duration.ofHours(1));

      assertThat(Stop.afterDelay(TEN_SECONDS).shouldStop(state)).isFalse();
    }

    @Test
    void zeroStopsAtOnce() {
      assertThat(Stop.afterDelay(Duration.ZERO).shouldStop(afterAttempt(1))).isTrue();
    }

    @Test
    void theLongestDelayStopsOnlyAtTheLongestElapsedTime() {
      Stop stop = Stop.afterDelay(Duration.ofNanos(Long.MAX_VALUE));

      assertThat(stop.shouldStop(new TestRetryState().elapsedNanos(Long.MAX_VALUE - 1))).isFalse();
      assertThat(stop.shouldStop(new TestRetryState().elapsedNanos(Long.MAX_VALUE))).isTrue();
    }

    @Test
    void rejectsANegativeDelay() {
      assertThatThrownBy(() -> Stop.afterDelay(Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("delay must be >= 0 but was PT-1S");
    }

    @Test
    void rejectsANullDelay() {
      assertThatThrownBy(() -> Stop.afterDelay((Duration) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("delay must not be null");
    }

    @Test
    void isAValue() {
      assertThat(Stop.afterDelay(TEN_SECONDS))
          .isEqualTo(Stop.afterDelay(Duration.ofMillis(10_000)))
          .hasSameHashCodeAs(Stop.afterDelay(TEN_SECONDS))
          .isNotEqualTo(Stop.beforeDelay(TEN_SECONDS))
          .hasToString("afterDelay(PT10S)");
    }
  }

  @Nested
  class AfterDelayFromASupplier {

    @Test
    void readsTheLimitOnEveryCheck() {
      AtomicReference<Duration> maxDelay = new AtomicReference<>(Duration.ofMinutes(1));
      Stop stop = Stop.afterDelay(maxDelay::get);

      assertThat(stop.shouldStop(afterRunningFor(TEN_SECONDS))).isFalse();
      maxDelay.set(TEN_SECONDS);
      assertThat(stop.shouldStop(afterRunningFor(TEN_SECONDS))).isTrue();
    }

    @Test
    void rejectsASupplierThatReturnsANegativeDelayWhenChecked() {
      Stop stop = Stop.afterDelay(() -> Duration.ofSeconds(-1));

      assertThatThrownBy(() -> stop.shouldStop(afterAttempt(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("maxDelay supplier returned PT-1S; it must return >= 0");
    }

    @Test
    void rejectsASupplierThatReturnsNullWhenChecked() {
      Stop stop = Stop.afterDelay(() -> null);

      assertThatThrownBy(() -> stop.shouldStop(afterAttempt(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("maxDelay supplier returned null; it must return >= 0");
    }

    @Test
    void rejectsANullSupplier() {
      assertThatThrownBy(() -> Stop.afterDelay((Supplier<Duration>) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("maxDelay must not be null");
    }

    @Test
    void namesTheSupplierInToString() {
      Supplier<Duration> maxDelay =
          new Supplier<>() {
            @Override
            public Duration get() {
              return TEN_SECONDS;
            }

            @Override
            public String toString() {
              return "config.maxDelay";
            }
          };

      assertThat(Stop.afterDelay(maxDelay)).hasToString("afterDelay(config.maxDelay)");
    }
  }

  @Nested
  class BeforeADelay {

    @Test
    void stopsWhenTheWaitWouldEndAtTheDelay() {
      TestRetryState state =
          afterRunningFor(Duration.ofSeconds(8)).upcomingWait(Duration.ofSeconds(2));

      assertThat(Stop.beforeDelay(TEN_SECONDS).shouldStop(state)).isTrue();
    }

    @Test
    void stopsWhenTheWaitWouldEndAfterTheDelay() {
      TestRetryState state =
          afterRunningFor(Duration.ofSeconds(8)).upcomingWait(Duration.ofSeconds(5));

      assertThat(Stop.beforeDelay(TEN_SECONDS).shouldStop(state)).isTrue();
    }

    @Test
    void keepsRetryingWhenTheNextAttemptStartsBeforeTheDelay() {
      TestRetryState state =
          afterRunningFor(Duration.ofSeconds(8)).upcomingWait(Duration.ofMillis(1_999));

      assertThat(Stop.beforeDelay(TEN_SECONDS).shouldStop(state)).isFalse();
    }

    @Test
    void keepsRetryingWhenNothingHasElapsedAndThereIsNoWait() {
      assertThat(Stop.beforeDelay(TEN_SECONDS).shouldStop(new TestRetryState())).isFalse();
    }

    @Test
    void keepsRetryingWhenTheElapsedTimeAloneIsBeforeTheDelay() {
      assertThat(Stop.beforeDelay(TEN_SECONDS).shouldStop(afterRunningFor(Duration.ofSeconds(9))))
          .isFalse();
    }

    @Test
    void doesNotOverflowWhenElapsedAndWaitAreHuge() {
      TestRetryState state =
          new TestRetryState().elapsedNanos(Long.MAX_VALUE).upcomingWaitNanos(Long.MAX_VALUE);

      assertThat(Stop.beforeDelay(TEN_SECONDS).shouldStop(state)).isTrue();
      assertThat(Stop.beforeDelay(Duration.ofNanos(Long.MAX_VALUE)).shouldStop(state)).isTrue();
    }

    @Test
    void rejectsANegativeDelay() {
      assertThatThrownBy(() -> Stop.beforeDelay(Duration.ofMillis(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("delay must be >= 0 but was PT-0.001S");
    }

    @Test
    void rejectsANullDelay() {
      assertThatThrownBy(() -> Stop.beforeDelay(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("delay must not be null");
    }

    @Test
    void readsWell() {
      assertThat(Stop.beforeDelay(Duration.ofMinutes(2))).hasToString("beforeDelay(PT2M)");
    }

    @Test
    void isAValue() {
      assertThat(Stop.beforeDelay(TEN_SECONDS))
          .isEqualTo(Stop.beforeDelay(Duration.ofMillis(10_000)))
          .hasSameHashCodeAs(Stop.beforeDelay(TEN_SECONDS))
          .isNotEqualTo(Stop.beforeDelay(Duration.ofSeconds(11)))
          .isNotEqualTo(Stop.afterDelay(TEN_SECONDS));
    }
  }
}

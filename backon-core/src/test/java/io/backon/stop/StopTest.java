package io.backon.stop;

import static io.backon.testfixtures.TestRetryState.afterAttempt;
import static io.backon.testfixtures.TestRetryState.afterRunningFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StopTest {

  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @Nested
  class AfterAnAttemptCount {

    @Test
    void stopsAfterTheThirdAttempt() {
      Stop stop = Stop.afterAttempt(3);

      assertThat(stop.shouldStop(afterAttempt(3))).isTrue();
      assertThat(stop.shouldStop(afterAttempt(4))).isTrue();
    }

    @Test
    void keepsRetryingBeforeTheThirdAttempt() {
      Stop stop = Stop.afterAttempt(3);

      assertThat(stop.shouldStop(afterAttempt(1))).isFalse();
      assertThat(stop.shouldStop(afterAttempt(2))).isFalse();
    }

    @Test
    void oneAttemptMeansNoRetry() {
      assertThat(Stop.afterAttempt(1).shouldStop(afterAttempt(1))).isTrue();
    }

    @Test
    void ignoresTimeAndWait() {
      TestRetryState late = afterAttempt(2).elapsedNanos(Long.MAX_VALUE).upcomingWaitNanos(1);

      assertThat(Stop.afterAttempt(3).shouldStop(late)).isFalse();
    }

    @Test
    void rejectsZeroAttempts() {
      assertThatThrownBy(() -> Stop.afterAttempt(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("attempts must be >= 1 but was 0");
    }

    @Test
    void rejectsNegativeAttempts() {
      assertThatThrownBy(() -> Stop.afterAttempt(-5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("attempts must be >= 1 but was -5");
    }

    @Test
    void isAValue() {
      assertThat(Stop.afterAttempt(3))
          .isEqualTo(Stop.afterAttempt(3))
          .hasSameHashCodeAs(Stop.afterAttempt(3))
          .isNotEqualTo(Stop.afterAttempt(4))
          .hasToString("afterAttempt(3)");
    }
  }

  @Nested
  class AfterAttemptFromASupplier {

    @Test
    void readsTheLimitOnEveryCheck() {
      AtomicInteger maxTries = new AtomicInteger(5);
      Stop stop = Stop.afterAttempt(maxTries::get);

      assertThat(stop.shouldStop(afterAttempt(3))).isFalse();
      maxTries.set(3);
      assertThat(stop.shouldStop(afterAttempt(3))).isTrue();
    }

    @Test
    void rejectsASupplierThatReturnsZeroWhenChecked() {
      Stop stop = Stop.afterAttempt(() -> 0);

      assertThatThrownBy(() -> stop.shouldStop(afterAttempt(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("maxTries supplier returned 0; it must return >= 1");
    }

    @Test
    void aSupplierThatReturnsOneStopsAfterTheFirstAttempt() {
      assertThat(Stop.afterAttempt(() -> 1).shouldStop(afterAttempt(1))).isTrue();
    }

    @Test
    void rejectsANullSupplier() {
      assertThatThrownBy(() -> Stop.afterAttempt((IntSupplier) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("maxTries must not be null");
    }

    @Test
    void namesTheSupplierInToString() {
      IntSupplier maxTries = namedIntSupplier("config.maxTries");

      assertThat(Stop.afterAttempt(maxTries)).hasToString("afterAttempt(config.maxTries)");
    }
  }

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

  @Nested
  class Never {

    @Test
    void neverStopsEvenAfterTheLastIntAttemptAndTheLongestTime() {
      TestRetryState state =
          afterAttempt(Integer.MAX_VALUE)
              .elapsedNanos(Long.MAX_VALUE)
              .upcomingWaitNanos(Long.MAX_VALUE);

      assertThat(Stop.never().shouldStop(state)).isFalse();
    }

    @Test
    void isASingleton() {
      assertThat(Stop.never()).isSameAs(Stop.never()).hasToString("never()");
    }
  }

  @Nested
  class WhenAFlagIsSet {

    @Test
    void stopsOnceTheFlagIsSet() {
      AtomicBoolean shuttingDown = new AtomicBoolean();
      Stop stop = Stop.whenSet(shuttingDown);

      assertThat(stop.shouldStop(afterAttempt(1))).isFalse();
      shuttingDown.set(true);
      assertThat(stop.shouldStop(afterAttempt(1))).isTrue();
    }

    @Test
    void showsTheFlagInToString() {
      AtomicBoolean flag = new AtomicBoolean();

      assertThat(Stop.whenSet(flag)).hasToString("whenSet(flag=false)");
      flag.set(true);
      assertThat(Stop.whenSet(flag)).hasToString("whenSet(flag=true)");
    }

    @Test
    void rejectsANullFlag() {
      assertThatThrownBy(() -> Stop.whenSet(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("flag must not be null");
    }
  }

  @Nested
  class WhenASupplierSaysSo {

    @Test
    void stopsOnceTheSupplierSaysSo() {
      AtomicBoolean cancelled = new AtomicBoolean();
      Stop stop = Stop.when(cancelled::get);

      assertThat(stop.shouldStop(afterAttempt(1))).isFalse();
      cancelled.set(true);
      assertThat(stop.shouldStop(afterAttempt(1))).isTrue();
    }

    @Test
    void namesTheSupplierInToString() {
      BooleanSupplier cancelled =
          new BooleanSupplier() {
            @Override
            public boolean getAsBoolean() {
              return false;
            }

            @Override
            public String toString() {
              return "cancelled";
            }
          };

      assertThat(Stop.when(cancelled)).hasToString("when(cancelled)");
    }

    @Test
    void rejectsANullSupplier() {
      assertThatThrownBy(() -> Stop.when(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("condition must not be null");
    }
  }

  private static IntSupplier namedIntSupplier(String name) {
    return new IntSupplier() {
      @Override
      public int getAsInt() {
        return 3;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}

package io.backon.stop;

import static io.backon.testfixtures.TestRetryState.afterAttempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testfixtures.TestRetryState;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Stops after a number of attempts, fixed or read from a supplier. */
class StopAfterAttemptsTest {

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

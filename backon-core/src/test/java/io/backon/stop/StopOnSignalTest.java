package io.backon.stop;

import static io.backon.testfixtures.TestRetryState.afterAttempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testfixtures.TestRetryState;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Stops that ignore counts and time: never, when a flag is set, or when a supplier says so. */
class StopOnSignalTest {

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
}

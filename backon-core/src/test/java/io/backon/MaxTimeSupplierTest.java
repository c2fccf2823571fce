package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code maxTime(Supplier<Duration>)}: a time limit read at every decision. */
class MaxTimeSupplierTest {

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final AtomicReference<Duration> limit = new AtomicReference<>(Duration.ofSeconds(10));

  private Retrying retrying() {
    return Retrying.of(
        RetryPolicy.builder()
            .name("orders")
            .clock(clock)
            .sleeper(sleeper)
            .jitter(Jitter.none())
            .wait(Wait.constant(Duration.ofSeconds(4)))
            .maxTries(100)
            .maxTime(limit::get)
            .giveUpLogLevel(System.Logger.Level.OFF)
            .build());
  }

  @Test
  void theSuppliedLimitShortensTheLastSleepLikeAFixedMaxTime() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException());

    assertThatThrownBy(() -> retrying().call(target)).isInstanceOf(IOException.class);

    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(2));
    assertThat(target.calls()).isEqualTo(4);
  }

  @Test
  void theLimitIsReadAgainAtEveryDecision() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException());
    Retrying retrying = retrying();
    limit.set(Duration.ofSeconds(5));

    assertThatThrownBy(() -> retrying.call(target)).isInstanceOf(IOException.class);

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(1));
  }

  @Test
  void anEnormousSuppliedLimitSaturatesInsteadOfOverflowing() throws Exception {
    limit.set(Duration.ofSeconds(Long.MAX_VALUE));
    FlakyTarget<String> target =
        FlakyTarget.failingThen("ok", new IOException("a"), new IOException("b"));

    assertThat(retrying().call(target)).isEqualTo("ok");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void aSuppliedLimitThatIsNotPositiveIsReportedClearly(long seconds) {
    limit.set(Duration.ofSeconds(seconds));

    assertThatThrownBy(() -> retrying().call(FlakyTarget.alwaysFailing(new IOException())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "maxTime supplier of policy 'orders' returned "
                + Duration.ofSeconds(seconds)
                + "; it must return a positive duration");
  }

  @Test
  void aSupplierReturningNullIsReportedClearly() {
    limit.set(null);

    assertThatThrownBy(() -> retrying().call(FlakyTarget.alwaysFailing(new IOException())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "maxTime supplier of policy 'orders' returned null; it must return a positive duration");
  }
}

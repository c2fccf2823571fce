package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetryStatisticsTest {

  private final FakeClock clock = new FakeClock();
  private final Retrying retrying =
      Retrying.of(
          RetryPolicy.builder()
              .statistics(true)
              .clock(clock)
              .sleeper(new ManualSleeper(clock))
              .jitter(Jitter.none())
              .wait(Wait.constant(Duration.ofSeconds(2)))
              .maxTries(5)
              .build());

  @Test
  void beforeAnyCallThereAreNoStatistics() {
    assertThat(retrying.statistics()).isEqualTo(RetryStatistics.NONE);
  }

  @Test
  void recordsAttemptsElapsedAndRealIdleTimeOfTheLastCall() throws Exception {
    Instant start = clock.wallTime();

    retrying.call(
        () -> {
          clock.advance(Duration.ofMillis(100));
          if (Retries.attemptNumber() < 3) {
            throw new IOException();
          }
          return "ok";
        });

    RetryStatistics stats = retrying.statistics();
    assertThat(stats.attemptNumber()).isEqualTo(3);
    assertThat(stats.idleFor()).isEqualTo(Duration.ofSeconds(4));
    assertThat(stats.elapsed()).isEqualTo(Duration.ofMillis(4300));
    assertThat(stats.startTime()).isEqualTo(start);
  }

  @Test
  void recordsCallsThatGiveUp() {
    assertThatThrownBy(() -> retrying.call(FlakyTarget.alwaysFailing(new IOException())))
        .isInstanceOf(IOException.class);

    assertThat(retrying.statistics().attemptNumber()).isEqualTo(5);
    assertThat(retrying.statistics().idleFor()).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void reportsTheMostRecentlyCompletedCallOfAnyThread() throws Exception {
    retrying.call(FlakyTarget.failingThen("ok", new IOException()));
    AtomicReference<RetryStatistics> seenByOtherThread = new AtomicReference<>();

    Thread thread =
        new Thread(
            () -> {
              try {
                retrying.call(() -> "first time");
              } catch (Exception e) {
                throw new AssertionError(e);
              }
              seenByOtherThread.set(retrying.statistics());
            });
    thread.start();
    thread.join();

    assertThat(seenByOtherThread.get().attemptNumber()).isEqualTo(1);
    assertThat(retrying.statistics().attemptNumber()).isEqualTo(1);
  }

  @Test
  void statisticsAreOffByDefaultAndSayHowToTurnThemOn() {
    Retrying plain = Retrying.of(RetryPolicy.builder().name("orders").build());

    assertThatThrownBy(plain::statistics)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "statistics are off for policy 'orders'; enable them with "
                + "RetryPolicy.builder().statistics(true)");
  }
}

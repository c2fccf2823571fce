package io.backon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManualSleeperTest {

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);

  @AfterEach
  void clearInterruptFlag() {
    Thread.interrupted();
  }

  @Test
  void aNewSleeperHasRecordedNothing() {
    assertThat(sleeper.sleeps()).isEmpty();
    assertThat(sleeper.totalSlept()).isZero();
  }

  @Test
  void sleepRecordsTheRequestedDurationsInOrder() throws InterruptedException {
    sleeper.sleep(Duration.ofSeconds(1).toNanos());
    sleeper.sleep(Duration.ofMillis(250).toNanos());
    sleeper.sleep(0);

    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ZERO);
  }

  @Test
  void sleepAdvancesTheClockInsteadOfBlocking() throws InterruptedException {
    long before = clock.nanoTime();

    sleeper.sleep(Duration.ofHours(3).toNanos());

    assertThat(clock.nanoTime() - before).isEqualTo(Duration.ofHours(3).toNanos());
    assertThat(clock.elapsed()).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void totalSleptIsTheSumOfAllSleeps() throws InterruptedException {
    sleeper.sleep(Duration.ofSeconds(1).toNanos());
    sleeper.sleep(Duration.ofSeconds(2).toNanos());

    assertThat(sleeper.totalSlept()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aNegativeSleepNeverMovesTheClockBackwards() throws InterruptedException {
    long before = clock.nanoTime();

    sleeper.sleep(-5);

    assertThat(clock.nanoTime()).isEqualTo(before);
  }

  @Test
  void sleepsReturnsACopyThatCannotChangeTheRecord() throws InterruptedException {
    sleeper.sleep(1);

    assertThatThrownBy(() -> sleeper.sleeps().add(Duration.ZERO))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofNanos(1));
  }

  @Test
  void sleepThrowsInterruptedExceptionWhenTheThreadIsInterrupted() {
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> sleeper.sleep(Duration.ofSeconds(1).toNanos()))
        .isInstanceOf(InterruptedException.class)
        .hasMessage("interrupted before a (manual) back-off sleep");
  }

  @Test
  void anInterruptedSleepRecordsNothingAndLeavesTheClockAlone() {
    long before = clock.nanoTime();
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> sleeper.sleep(Duration.ofSeconds(1).toNanos()))
        .isInstanceOf(InterruptedException.class);

    assertThat(sleeper.sleeps()).isEmpty();
    assertThat(clock.nanoTime()).isEqualTo(before);
  }

  @Test
  void anInterruptedSleepClearsTheInterruptFlagLikeARealSleep() {
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> sleeper.sleep(1)).isInstanceOf(InterruptedException.class);

    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void clockReturnsTheClockItAdvances() {
    assertThat(sleeper.clock()).isSameAs(clock);
  }

  @Test
  void theNoArgumentSleeperAdvancesItsOwnFreshClock() throws InterruptedException {
    ManualSleeper own = new ManualSleeper();

    own.sleep(Duration.ofSeconds(4).toNanos());

    assertThat(own.clock()).isNotSameAs(clock);
    assertThat(own.clock().elapsed()).isEqualTo(Duration.ofSeconds(4));
    assertThat(clock.elapsed()).isZero();
  }

  @Test
  void aNullClockIsRejectedNamingTheParameter() {
    assertThatThrownBy(() -> new ManualSleeper(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock");
  }

  @Test
  void aPolicyUsingTheSleeperRecordsEachBackoffAndMovesTimeOnWithoutBlocking() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxTries(3)
            .wait(Wait.constant(Duration.ofSeconds(2)))
            .jitter(Jitter.none())
            .sleeper(sleeper)
            .clock(clock)
            .backoffLogLevel(System.Logger.Level.OFF)
            .giveUpLogLevel(System.Logger.Level.OFF)
            .build();
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                Retrying.of(policy)
                    .call(
                        () -> {
                          calls.incrementAndGet();
                          throw new IOException("down");
                        }))
        .isInstanceOf(IOException.class);

    assertThat(calls).hasValue(3);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void anInterruptDuringTheBackoffEndsTheCallWithTheLastFailureAndRestoresTheFlag() {
    IOException failure = new IOException("down");
    AtomicInteger calls = new AtomicInteger();
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxTries(5)
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .sleeper(sleeper)
            .clock(clock)
            .backoffLogLevel(System.Logger.Level.OFF)
            .giveUpLogLevel(System.Logger.Level.OFF)
            .onBackoff(event -> Thread.currentThread().interrupt())
            .build();

    assertThatThrownBy(
            () ->
                Retrying.of(policy)
                    .call(
                        () -> {
                          calls.incrementAndGet();
                          throw failure;
                        }))
        .isSameAs(failure)
        .satisfies(
            thrown ->
                assertThat(thrown.getSuppressed())
                    .singleElement()
                    .isInstanceOf(InterruptedException.class));

    assertThat(calls).hasValue(1);
    assertThat(sleeper.sleeps()).isEmpty();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }
}

package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3 "the caller sees the last failure": a blocking call that ends abnormally (the caller
 * interrupted during an attempt, a retry predicate that throws) still ends with the target's own
 * failure, not something that hides it.
 */
class LastFailureReachesTheCallerTest {

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void anInterruptDuringTheBackOffRethrowsTheLastFailureWithTheInterruptSuppressed() {
    IOException last = new IOException("attempt 1");
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxTries(3)
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .jitter(Jitter.none())
            .fallback(event -> "fallback must be skipped on interrupt")
            .onGiveUp(events::add)
            .clock(clock)
            .sleeper(sleeper)
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();

    Throwable thrown =
        catchThrowable(
            () ->
                Retrying.of(policy)
                    .call(
                        () -> {
                          Thread.currentThread()
                              .interrupt(); // the caller is interrupted while the attempt runs...
                          throw last;
                        }));

    // decide() sees the flag and gives up at once (no sleep); the flag stays set
    assertThat(thrown).isSameAs(last);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(events)
        .singleElement()
        .extracting(RetryEvent::giveUpReason)
        .isEqualTo(GiveUpReason.INTERRUPTED);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void aThrowingRetryPredicateDoesNotLoseTheTargetsFailure() {
    IOException targetFailure = new IOException("the real problem");
    RetryPolicy policy =
        RetryPolicy.builder()
            .retryIfException(
                failure -> {
                  throw new IllegalStateException("predicate is broken");
                })
            .onGiveUp(events::add)
            .clock(clock)
            .sleeper(sleeper)
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();

    Throwable thrown =
        catchThrowable(
            () ->
                Retrying.of(policy)
                    .call(
                        () -> {
                          throw targetFailure;
                        }));

    // observed: the predicate's IllegalStateException escapes bare: no onGiveUp, no trace of the
    // target's IOException (neither cause nor suppressed)
    assertThat(thrown)
        .satisfiesAnyOf(
            t -> assertThat(t).isSameAs(targetFailure),
            t -> assertThat(t.getSuppressed()).contains(targetFailure),
            t -> assertThat(t.getCause()).isSameAs(targetFailure));
  }
}

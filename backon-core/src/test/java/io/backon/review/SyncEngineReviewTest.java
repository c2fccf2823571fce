package io.backon.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.Attempt;
import io.backon.Attempts;
import io.backon.DeadlineExceededException;
import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitOpenException;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The blocking engine and the iterator face against DESIGN §3. */
class SyncEngineReviewTest {

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }


  @Test
  void anInterruptDuringTheBackOffRethrowsTheLastFailureWithTheInterruptSuppressed() {
    IOException last = new IOException("attempt 1");
    RetryPolicy policy = RetryPolicy.builder().maxTries(3)
        .wait(Wait.constant(Duration.ofSeconds(1))).jitter(Jitter.none())
        .fallback(event -> "fallback must be skipped on interrupt")
        .onGiveUp(events::add)
        .clock(clock).sleeper(sleeper).backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF)
        .build();

    Throwable thrown = catchThrowable(() -> Retrying.of(policy).call(() -> {
      Thread.currentThread().interrupt(); // the caller is interrupted while the attempt runs...
      throw last;
    }));

    // decide() sees the flag and gives up at once (no sleep); the flag stays set
    assertThat(thrown).isSameAs(last);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(events).singleElement().extracting(RetryEvent::giveUpReason)
        .isEqualTo(GiveUpReason.INTERRUPTED);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void aThrowingRetryPredicateDoesNotLoseTheTargetsFailure() {
    IOException targetFailure = new IOException("the real problem");
    RetryPolicy policy = RetryPolicy.builder()
        .retryIfException(failure -> {
          throw new IllegalStateException("predicate is broken");
        })
        .onGiveUp(events::add)
        .clock(clock).sleeper(sleeper).backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF)
        .build();

    Throwable thrown = catchThrowable(() -> Retrying.of(policy).call(() -> {
      throw targetFailure;
    }));

    // observed: the predicate's IllegalStateException escapes bare: no onGiveUp, no trace of the
    // target's IOException (neither cause nor suppressed)
    assertThat(thrown).satisfiesAnyOf(
        t -> assertThat(t).isSameAs(targetFailure),
        t -> assertThat(t.getSuppressed()).contains(targetFailure),
        t -> assertThat(t.getCause()).isSameAs(targetFailure));
  }

  @Test
  void theIteratorFaceAsksTheCircuitBreakerLikeEveryOtherFace() throws Exception {
    CircuitBreaker breaker = CircuitBreaker.builder("review-iterator").clock(clock).build();
    breaker.forceOpen();
    RetryPolicy policy = RetryPolicy.builder().circuitBreaker(breaker)
        .clock(clock).sleeper(sleeper).backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF)
        .build();
    Retrying retrying = Retrying.of(policy);
    AtomicInteger targetRuns = new AtomicInteger();

    Throwable viaCall = catchThrowable(() -> retrying.call(targetRuns::incrementAndGet));
    assertThat(viaCall).isInstanceOf(CircuitOpenException.class);
    assertThat(targetRuns).hasValue(0);

    Attempts<Integer> attempts = retrying.attempts();
    for (Attempt<Integer> attempt : attempts) {
      attempt.succeed(targetRuns.incrementAndGet());
    }
    // observed: the iterator face ignores breaker (and attemptTimeout / hedging) entirely: the
    // forced-open breaker is bypassed and the downstream is called
    assertThat(catchThrowable(attempts::result)).isInstanceOf(CircuitOpenException.class);
    assertThat(targetRuns).hasValue(0);
  }
}

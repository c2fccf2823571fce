package io.backon.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.backon.DeadlineExceededException;
import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
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

/**
 * Events and fallback of a call whose running attempt is cut short by the deadline: they report the
 * real elapsed time and keep the usual order, on the blocking and the async face.
 */
class DeadlineEventsTest {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  /** A target that runs for {@code duration} of fake time and honours interrupts. */
  private String slow(Duration duration) throws InterruptedException {
    scheduler.advance(duration);
    if (Thread.interrupted()) {
      throw new InterruptedException("cancelled by the deadline");
    }
    return "late";
  }

  @Test
  void theGiveUpEventOfACallCutShortByTheDeadlineReportsTheRealElapsedTime() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .deadline(Duration.ofSeconds(1))
            .onGiveUp(events::add)
            .clock(clock)
            .scheduler(scheduler)
            .giveUpLogLevel(Level.OFF)
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(() -> slow(Duration.ofSeconds(3))))
        .isInstanceOf(DeadlineExceededException.class);

    assertThat(events).hasSize(1);
    RetryEvent giveUp = events.get(0);
    assertThat(giveUp.giveUpReason()).isEqualTo(GiveUpReason.DEADLINE_EXCEEDED);
    assertThat(giveUp.attemptNumber()).isEqualTo(1);
    // The call ran 3 s of fake time (the deadline of 1 s fired while the attempt ran); observed 0s.
    assertThat(giveUp.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theFallbackSeesTheRealElapsedTimeOfACallCutShortByTheDeadline() throws Exception {
    List<Duration> seen = new CopyOnWriteArrayList<>();
    RetryPolicy policy =
        RetryPolicy.builder()
            .deadline(Duration.ofSeconds(1))
            .fallback(
                event -> {
                  seen.add(event.elapsed());
                  return "fallback";
                })
            .clock(clock)
            .scheduler(scheduler)
            .giveUpLogLevel(Level.OFF)
            .build();

    Object value = Retrying.of(policy).call(() -> slow(Duration.ofSeconds(3)));

    assertThat(value).isEqualTo("fallback");
    assertThat(seen)
        .singleElement()
        .satisfies(elapsed -> assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
  }

  @Test
  void aCutShortAttemptStillGetsItsAfterEventBeforeGiveUp() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .deadline(Duration.ofSeconds(1))
            .after(events::add)
            .onGiveUp(events::add)
            .clock(clock)
            .scheduler(scheduler)
            .giveUpLogLevel(Level.OFF)
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(() -> slow(Duration.ofSeconds(3))))
        .isInstanceOf(DeadlineExceededException.class);

    // DESIGN §3: onAttempt -> before -> call -> after -> onGiveUp
    assertThat(events)
        .extracting(RetryEvent::type)
        .containsExactly(EventType.AFTER, EventType.GIVE_UP);
  }

  @Test
  void theAsyncGiveUpEventOfACallCutShortByTheDeadlineReportsTheRealElapsedTime() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .deadline(Duration.ofSeconds(1))
            .onGiveUp(events::add)
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();

    CompletableFuture<String> call =
        Retrying.of(policy).callAsync(() -> new CompletableFuture<String>());
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(catchThrowable(call::join)).hasCauseInstanceOf(DeadlineExceededException.class);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(EventType.GIVE_UP);
              // observed: 0s (attemptEndNanos was never set for the cut-short first attempt)
              assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(1));
            });
  }

  @Test
  void theAfterEventOfAnAsyncAttemptCutByTheDeadlineReportsWhenItWasCut() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .deadline(Duration.ofSeconds(1))
            .wait(Wait.constant(Duration.ofMillis(100)))
            .jitter(Jitter.none())
            .after(events::add)
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();
    AtomicInteger calls = new AtomicInteger();

    CompletableFuture<String> call =
        Retrying.of(policy)
            .callAsync(
                () ->
                    calls.incrementAndGet() == 1
                        ? CompletableFuture.failedFuture(new IOException("down"))
                        : new CompletableFuture<String>());
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(call).isCompletedExceptionally();
    assertThat(events)
        .extracting(RetryEvent::attemptNumber, RetryEvent::elapsed)
        .containsExactly(tuple(1, Duration.ZERO), tuple(2, Duration.ofSeconds(1)));
  }
}

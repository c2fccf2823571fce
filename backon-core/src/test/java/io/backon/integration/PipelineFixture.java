package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.EventType;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared set-up for the pipeline integration tests: one fake clock that drives everything (the
 * retry loop's sleeper, the async scheduler, the breaker), retry policies with a fixed 100 ms wait
 * and no jitter, and recorded events.
 */
abstract class PipelineFixture {

  static final Duration WAIT = Duration.ofMillis(100);
  static final Duration PATIENCE = Duration.ofSeconds(10);

  final FakeClock clock = new FakeClock();
  final ManualSleeper sleeper = new ManualSleeper(clock);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final AtomicInteger invocations = new AtomicInteger();
  final List<RetryEvent> events = new CopyOnWriteArrayList<>();

  /** A blocking-face policy: fake clock, manual sleeper, constant 100 ms wait, events recorded. */
  RetryPolicyBuilder blockingPolicy() {
    RetryPolicyBuilder builder =
        RetryPolicy.builder()
            .clock(clock)
            .sleeper(sleeper)
            .wait(Wait.constant(WAIT))
            .jitter(Jitter.none())
            .backoffLogLevel(System.Logger.Level.OFF)
            .giveUpLogLevel(System.Logger.Level.OFF);
    for (EventType type : EventType.values()) {
      builder.listen(type, events::add);
    }
    return builder;
  }

  /** An async-face policy: also the manual scheduler and a direct executor (deterministic). */
  RetryPolicyBuilder asyncPolicy() {
    return blockingPolicy().scheduler(scheduler).executor(Runnable::run);
  }

  /** The events of one type, in order. */
  List<RetryEvent> events(EventType type) {
    return events.stream().filter(e -> e.type() == type).toList();
  }

  /** The attempt numbers that started (one ATTEMPT event each). */
  List<Integer> attempts() {
    return events(EventType.ATTEMPT).stream().map(RetryEvent::attemptNumber).toList();
  }

  /** The one GIVE_UP event of the call. */
  RetryEvent theGiveUp() {
    List<RetryEvent> giveUps = events(EventType.GIVE_UP);
    assertThat(giveUps).hasSize(1);
    return giveUps.get(0);
  }

  /** Advances fake time in {@code step}s until {@code future} is done (at most 1,000 steps). */
  void advanceUntilDone(Future<?> future, Duration step) {
    for (int i = 0; i < 1_000 && !future.isDone(); i++) {
      scheduler.advance(step);
    }
    assertThat(future).as("call finished within 1,000 steps of " + step).isDone();
  }

  void advance(long millis) {
    scheduler.advance(Duration.ofMillis(millis));
  }

  /** The failure an async call completed with, unwrapped. */
  static Throwable failureOf(Future<?> result) {
    assertThat(result).isDone();
    Throwable thrown = catchThrowable(result::get);
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    return thrown.getCause();
  }

  static <T> CompletableFuture<T> failed(Throwable failure) {
    return CompletableFuture.failedFuture(failure);
  }
}

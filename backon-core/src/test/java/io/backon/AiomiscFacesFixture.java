package io.backon;

import io.backon.testfixtures.FakeTime;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The aiomisc faces {@link Retries#asyncRetry} and {@link Retries#asyncBackoff}. Behaviour runs in
 * fake time: the policy each face built, with only its clock, scheduler and executor swapped, so
 * what is tested is exactly what the face configured. A target whose failure must not be retried
 * succeeds on a second try, so a wrong retry shows up as a value instead of a loop that fake time
 * never ends.
 *
 * <p>The fake time, targets and recorded attempts those tests share; each of them extends this
 * fixture.
 */
abstract class AiomiscFacesFixture {

  static final Duration MS_100 = Duration.ofMillis(100);
  static final Duration MS_200 = Duration.ofMillis(200);
  static final Duration MS_500 = Duration.ofMillis(500);
  static final Duration SECOND = Duration.ofSeconds(1);

  final FakeClock clock = new FakeClock();
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final AtomicInteger calls = new AtomicInteger();
  final List<Throwable> thrown = new CopyOnWriteArrayList<>();
  final List<CompletableFuture<String>> attempts = new CopyOnWriteArrayList<>();

  // ------------------------------------------------------------------------------- helpers

  /** The face's own policy on fake time: waits and timers run when the test advances the clock. */
  AsyncRetryingCaller onFakeTime(AsyncRetryingCaller face) {
    return AsyncRetryingCaller.of(
        face.policy().toBuilder()
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .sleeper(
                nanos -> {
                  throw new AssertionError(
                      "an async call slept a thread for " + Duration.ofNanos(nanos));
                })
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build());
  }

  IOException ioFailure() {
    return new IOException("down #" + calls.get());
  }

  Supplier<CompletableFuture<String>> failing(Supplier<? extends Exception> failure) {
    return () -> {
      calls.incrementAndGet();
      return failed(failure.get());
    };
  }

  Supplier<CompletableFuture<String>> failingThenOk(
      int successfulTry, Supplier<? extends Exception> failure) {
    return () -> calls.incrementAndGet() < successfulTry ? failed(failure.get()) : completed("ok");
  }

  CompletableFuture<String> failed(Exception failure) {
    thrown.add(failure);
    return track(CompletableFuture.failedFuture(failure));
  }

  CompletableFuture<String> completed(String value) {
    return track(CompletableFuture.completedFuture(value));
  }

  CompletableFuture<String> hanging() {
    return track(new CompletableFuture<>());
  }

  CompletableFuture<String> track(CompletableFuture<String> attempt) {
    attempts.add(attempt);
    return attempt;
  }

  void advanceUntilDone(CompletableFuture<?> result) {
    FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(10));
  }
}

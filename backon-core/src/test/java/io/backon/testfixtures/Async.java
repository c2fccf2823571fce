package io.backon.testfixtures;

import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.wait.Jitter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** Helpers for deterministic async tests: a fake-time policy and the outcome of a future. */
public final class Async {

  private Async() {}

  /**
   * A policy on fake time: waits and timers run on {@code scheduler} when the test advances it,
   * attempts after a wait run inline, a back-off sleep would fail the test.
   */
  public static RetryPolicyBuilder fakeTimePolicy(FakeClock clock, ManualScheduler scheduler) {
    return RetryPolicy.builder()
        .clock(clock)
        .scheduler(scheduler)
        .executor(Runnable::run)
        .sleeper(
            nanos -> {
              throw new AssertionError(
                  "an async call slept a thread for " + Duration.ofNanos(nanos));
            })
        .jitter(Jitter.none())
        .backoffLogLevel(Level.OFF)
        .giveUpLogLevel(Level.OFF);
  }

  /**
   * The failure {@code future} completed with, exactly as stored (no CompletionException added).
   */
  public static Throwable failureOf(CompletableFuture<?> future) {
    try {
      Throwable failure = future.handle((value, thrown) -> thrown).get(10, TimeUnit.SECONDS);
      if (failure == null) {
        throw new AssertionError("the call should have failed but completed with " + future.join());
      }
      return failure;
    } catch (InterruptedException | ExecutionException | TimeoutException unexpected) {
      throw new AssertionError("future did not complete in time: " + future, unexpected);
    }
  }

  /** The value of {@code future}, waiting at most 10 s. */
  public static <T extends @Nullable Object> T valueOf(CompletableFuture<T> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (Exception unexpected) {
      throw new AssertionError("future did not complete normally: " + future, unexpected);
    }
  }
}

package io.backon;

import io.backon.reactor.BackonReactor;
import io.backon.testfixtures.FakeTime;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.testing.ManualSleeper;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The ways a user calls a target under a policy, each written as the README shows it, all in fake
 * time: the blocking faces sleep with a {@link ManualSleeper}, the future faces wait on a {@link
 * ManualScheduler} (attempts inline), the Reactor faces wait and measure time on a {@link
 * VirtualTimeScheduler} (their policy keeps the system clock, as the README says to). {@link #run}
 * plays a {@link Script} and returns what the caller got.
 */
enum Face {
  /** {@code Retrying.of(policy).call(callable)}. */
  CALL {
    @Override
    Outcome play(RetryPolicy policy, Script script, FakeClock clock, ManualScheduler scheduler) {
      return Outcome.of(() -> Retrying.of(policy).call(() -> script.blocking(clock)));
    }
  },
  /** {@code Retries.retry(callable, policy)}. */
  RETRIES {
    @Override
    Outcome play(RetryPolicy policy, Script script, FakeClock clock, ManualScheduler scheduler) {
      return Outcome.of(() -> Retries.retry(() -> script.blocking(clock), policy));
    }
  },
  /** {@code Retrying.of(policy).callAsync(() -> future)}. */
  CALL_ASYNC {
    @Override
    Outcome play(RetryPolicy policy, Script script, FakeClock clock, ManualScheduler scheduler) {
      return Outcome.of(Retrying.of(policy).callAsync(script::future), scheduler);
    }
  },
  /** {@code Retrying.of(policy).supplyAsync(callable)}, attempts run inline. */
  SUPPLY_ASYNC {
    @Override
    Outcome play(RetryPolicy policy, Script script, FakeClock clock, ManualScheduler scheduler) {
      return Outcome.of(Retrying.of(policy).supplyAsync(() -> script.blocking(clock)), scheduler);
    }
  },
  /** {@code mono.transform(BackonReactor.retry(policy, scheduler))}. */
  MONO {
    @Override
    Outcome play(RetryPolicy policy, Script script, FakeClock clock, ManualScheduler scheduler) {
      VirtualTimeScheduler time = VirtualTimeScheduler.create();
      CompletableFuture<Object> result =
          Mono.defer(script::mono).transform(BackonReactor.retry(policy, time)).toFuture();
      return Outcome.of(result, time);
    }
  },
  /** {@code flux.transform(BackonReactor.retry(policy, scheduler))}; the only element is kept. */
  FLUX {
    @Override
    Outcome play(RetryPolicy policy, Script script, FakeClock clock, ManualScheduler scheduler) {
      VirtualTimeScheduler time = VirtualTimeScheduler.create();
      CompletableFuture<Object> result =
          Flux.defer(script::flux)
              .transform(BackonReactor.retry(policy, time))
              .collectList()
              .<Object>map(elements -> elements.size() == 1 ? elements.get(0) : elements)
              .toFuture();
      return Outcome.of(result, time);
    }
  },
  /** {@code for (Attempt<Object> attempt : retrying.attempts())}, then {@code result()}. */
  ITERATOR {
    @Override
    Outcome play(RetryPolicy policy, Script script, FakeClock clock, ManualScheduler scheduler) {
      return Outcome.of(
          () -> {
            Attempts<Object> attempts = Retrying.of(policy).attempts();
            for (Attempt<Object> attempt : attempts) {
              try {
                attempt.succeed(script.iterated(clock));
              } catch (Exception e) {
                attempt.fail(e);
              }
            }
            return attempts.result();
          });
    }
  };

  /** The faces that run a value through result predicates (a Flux retries only errors). */
  static final List<Face> CHECKING_RESULTS =
      List.of(CALL, RETRIES, CALL_ASYNC, SUPPLY_ASYNC, MONO, ITERATOR);

  /**
   * Plays {@code script} under {@code policy} on a fresh fake time (its clock, scheduler and
   * sleeper replace the policy's) with logging off, and returns what the caller got.
   */
  Outcome run(RetryPolicyBuilder policy, Script script) {
    FakeClock clock = new FakeClock();
    ManualScheduler scheduler = new ManualScheduler(clock);
    if (this != MONO && this != FLUX) {
      policy.clock(clock); // the Reactor faces measure time on their VirtualTimeScheduler
    }
    RetryPolicy onFakeTime =
        policy
            .scheduler(scheduler)
            .sleeper(new ManualSleeper(clock))
            .executor(Runnable::run)
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();
    return play(onFakeTime, script, clock, scheduler);
  }

  abstract Outcome play(
      RetryPolicy policy, Script script, FakeClock clock, ManualScheduler scheduler);

  /** What the caller got: a value, or the failure exactly as thrown or stored in the future. */
  record Outcome(@Nullable Object value, @Nullable Throwable failure) {

    /** The failure; fails the test when the call returned a value. */
    Throwable failed() {
      if (failure == null) {
        throw new AssertionError("the call should have failed but returned " + value);
      }
      return failure;
    }

    /** The value; fails the test when the call failed. */
    @Nullable Object returned() {
      if (failure != null) {
        throw new AssertionError("the call should have returned but failed", failure);
      }
      return value;
    }

    interface Call {
      @Nullable Object call() throws Exception;
    }

    static Outcome of(Call call) {
      try {
        return new Outcome(call.call(), null);
      } catch (Throwable failure) {
        return new Outcome(null, failure);
      }
    }

    static Outcome of(CompletableFuture<?> result, ManualScheduler scheduler) {
      FakeTime.advanceUntilDone(scheduler, result, Duration.ofHours(2));
      return of(result);
    }

    static Outcome of(CompletableFuture<?> result, VirtualTimeScheduler time) {
      for (Duration spent = Duration.ZERO;
          !result.isDone() && spent.compareTo(Duration.ofHours(2)) < 0;
          spent = spent.plus(FakeTime.TICK)) {
        time.advanceTimeBy(FakeTime.TICK);
      }
      return of(result);
    }

    private static Outcome of(CompletableFuture<?> result) {
      if (!result.isDone()) {
        throw new AssertionError("the call did not end within 2 hours of fake time: " + result);
      }
      Throwable[] failure = new Throwable[1];
      Object value =
          result
              .handle(
                  (v, t) -> {
                    failure[0] = t;
                    return v;
                  })
              .join();
      return new Outcome(value, failure[0]);
    }
  }
}

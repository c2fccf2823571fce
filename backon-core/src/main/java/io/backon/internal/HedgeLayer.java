package io.backon.internal;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitState;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgeCopyObserver;
import io.backon.hedge.HedgeListener;
import io.backon.hedge.HedgeOutcome;
import io.backon.hedge.HedgingPolicy;
import io.backon.time.Clock;
import io.backon.time.Scheduler;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The hedging layer, around the per-copy layers (breaker → timeout → target): launches the
 * attempt's first copy, then another every hedge delay (or at once when a copy fails fast) up to
 * {@code maxHedges} copies in flight counting the first, and ends with the first success (the
 * others cancelled) or the last failure (the others suppressed); the race itself is {@link
 * HedgedCall}. Each hedge needs a budget token (none is spent) and a breaker that is not open. The
 * async entry calls the first copy on the calling thread and, when its stage is already complete
 * and successful, returns it without building a race. Thread-safe. Not API.
 */
final class HedgeLayer extends Layer {

  private final HedgingPolicy hedging;
  private final @Nullable RetryBudget budget;
  private final @Nullable CircuitBreaker breaker;
  private final @Nullable AttemptSlots slots;

  /**
   * @param slots the policy's slots that the blocking face's copies run in (losing copies that
   *     ignore their interrupt keep theirs), or {@code null} for none
   */
  HedgeLayer(
      HedgingPolicy hedging,
      @Nullable RetryBudget budget,
      @Nullable CircuitBreaker breaker,
      @Nullable Layer inner,
      @Nullable AttemptSlots slots) {
    super(inner);
    this.hedging = hedging;
    this.budget = budget;
    this.breaker = breaker;
    this.slots = slots;
  }

  @Override
  String name() {
    return "hedge(" + hedging.maxHedges() + ")";
  }

  /**
   * Runs the copies on the hedging executor, in the policy's slots when it has them: the race is
   * one call in flight while it runs, and a losing copy that ignores its interrupt keeps its slot
   * after the race, so later races wait for it rather than pile up threads.
   */
  @Override
  <T extends @Nullable Object> T blocking(AttemptRun run, Callable<T> target) throws Exception {
    Executor executor = executor(run);
    Race race = new Race(run);
    AttemptSlots shared = slots;
    AttemptSlots.Call slotted = shared == null ? null : shared.open(TargetNames.of(null, target));
    HedgedCall<T> call =
        new HedgedCall<>(
            hedging,
            scheduler(run),
            run.clock(),
            race,
            number ->
                slotted != null
                    ? slotted.submit(() -> next(run, target), executor, run.number(), run.trace())
                    : BlockingAttempt.submit(
                        () -> next(run, target), executor, run.number(), run.trace()));
    try {
      return await(call);
    } finally {
      if (slotted != null) {
        slotted.close();
      }
    }
  }

  @Override
  <T extends @Nullable Object> CompletionStage<T> async(
      AttemptRun run, Supplier<? extends @Nullable CompletionStage<T>> target) {
    Clock clock = run.clock();
    long start = clock.nanoTime();
    CompletionStage<T> first = nextAsync(run, target);
    if (Stages.completedNormally(first) != null) {
      primaryWonAtOnce(run, clock.nanoTime() - start);
      return first;
    }
    Executor executor = executor(run);
    Race race = new Race(run);
    HedgedCall<T> call =
        new HedgedCall<>(
            hedging,
            scheduler(run),
            clock,
            race,
            number ->
                number == 1
                    ? Stages.mirror(first)
                    : AsyncCopy.start(
                        () -> nextAsync(run, target), run.number(), run.trace(), executor));
    return call.start();
  }

  /** What a race whose primary won before it began reports, without building the race. */
  private void primaryWonAtOnce(AttemptRun run, long durationNanos) {
    try {
      hedging.hedgeDelay().recordLatency(durationNanos);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      HedgeSafety.log("recordLatency", broken);
    }
    AttemptTrace trace = run.trace();
    if (trace != null) {
      trace.hedgeEnded(HedgeOutcome.PRIMARY_WON);
    }
    HedgeListener listener = hedging.onHedge();
    if (listener != null) {
      try {
        listener.onOutcome(HedgeOutcome.PRIMARY_WON);
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable broken) {
        HedgeSafety.log("onOutcome", broken);
      }
    }
  }

  private Executor executor(AttemptRun run) {
    Executor override = run.hedgeExecutor();
    return override != null ? override : hedging.executor();
  }

  private Scheduler scheduler(AttemptRun run) {
    Scheduler override = run.hedgeScheduler();
    return override != null ? override : hedging.scheduler();
  }

  /**
   * Runs a blocking hedged call to its end on the calling thread. If that thread is interrupted
   * while it waits, every copy is cancelled, the flag is restored and {@link InterruptedException}
   * is thrown with the copies' failures suppressed (unless the call ended at that very moment).
   */
  static <T extends @Nullable Object> T await(HedgedCall<T> call) throws Exception {
    CompletableFuture<T> result = call.start();
    try {
      return result.get();
    } catch (ExecutionException failed) {
      throw Exceptions.propagate(Stages.unwrapNonNull(failed));
    } catch (InterruptedException interrupted) {
      boolean stopped = result.cancel(true);
      Thread.currentThread().interrupt();
      if (!stopped) {
        try {
          return result.join();
        } catch (RuntimeException failed) {
          throw Exceptions.propagate(Stages.unwrapNonNull(failed));
        }
      }
      for (Throwable failure : call.failures()) {
        interrupted.addSuppressed(failure);
      }
      throw interrupted;
    }
  }

  /**
   * Connects one hedged attempt to the budget (a hedge needs a token, spends none), to the breaker
   * (no hedge while it is open), to the breaker accounting of its copies (once a copy won, the
   * others carry no verdict) and to the attempt's instrumentation.
   */
  private final class Race implements HedgeCopyObserver {

    private final AttemptRun run;

    Race(AttemptRun run) {
      this.run = run;
    }

    @Override
    public boolean mayStartHedge(int copyNumber) {
      CircuitBreaker guard = breaker;
      if (guard != null) {
        CircuitState state = guard.state();
        if (state == CircuitState.OPEN || state == CircuitState.FORCED_OPEN) {
          return false;
        }
      }
      RetryBudget tokens = budget;
      return tokens == null || tokens.tryAcquireRetry();
    }

    @Override
    public void copySucceeded(int copyNumber, long durationNanos, @Nullable Object value) {
      run.raceWon();
    }

    @Override
    public void hedgedCallEnded(HedgeOutcome outcome) {
      AttemptTrace trace = run.trace();
      if (trace != null) {
        trace.hedgeEnded(outcome);
      }
    }
  }
}

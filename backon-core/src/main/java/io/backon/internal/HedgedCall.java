package io.backon.internal;

import io.backon.hedge.HedgeCopyObserver;
import io.backon.hedge.HedgeListener;
import io.backon.hedge.HedgeOutcome;
import io.backon.hedge.HedgingPolicy;
import io.backon.time.Cancellable;
import io.backon.time.Clock;
import io.backon.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The one hedging engine behind both faces of {@link Hedging}: a {@code launcher} starts copy
 * {@code n} and returns its future; this class decides when to launch, who wins and what the result
 * is. How a copy runs (blocking on an executor, or an async stage) is the launcher's business.
 *
 * <p>Concurrency: the end of the call (a win, all failed, or cancellation) is decided by one CAS on
 * {@link #done}, and each copy's terminal callback by one CAS on its own flag, so two copies
 * succeeding at once yield exactly one result and one {@code copySucceeded}; the loser gets {@code
 * copyCancelled}. The thread that ends the call reports every registered copy still running as
 * cancelled ({@link #stopAll}); a copy's own completion never reports a cancellation. Launches and
 * failure reports that began before the end hold a slot in {@link #reports}, and the result
 * completes only when the last slot is given back (by whichever thread, nobody waits), so every
 * observer callback of a call happens before its result completes. Bookkeeping (copies, failures,
 * counts, the timer) is guarded by this object's monitor; observers, listeners, launchers and
 * futures are called outside it. Not API.
 */
final class HedgedCall<T extends @Nullable Object> {

  /** Signals that a launch is not tied to a timer generation. */
  private static final int ANY = -1;

  private final HedgingPolicy policy;
  private final Scheduler scheduler;
  private final Clock clock;
  private final HedgeCopyObserver observer;
  private final IntFunction<CompletableFuture<T>> launcher;
  private final int maxCopies;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final AtomicBoolean done = new AtomicBoolean();

  /**
   * Reports still owed before the result may complete: 1 for the end of the call, +1 for each
   * launch or failure being reported. Whoever brings it to 0 completes the result.
   */
  private final AtomicInteger reports = new AtomicInteger(1);

  /** The outcome, written by the thread that set {@link #done} before it releases its report. */
  private @Nullable T outcomeValue;

  private @Nullable Throwable outcomeFailure;
  private final long delayNanos;

  // Guarded by this.
  private final List<HedgeCopy<T>> running = new ArrayList<>();
  private final List<Throwable> failures = new ArrayList<>();
  private int launched;
  private int inFlight;
  private boolean refused;
  private @Nullable Cancellable timer;

  /**
   * @param scheduler runs the hedge timers
   * @param clock measures each copy's duration
   * @param launcher starts copy {@code n} and returns its future
   */
  HedgedCall(
      HedgingPolicy policy,
      Scheduler scheduler,
      Clock clock,
      HedgeCopyObserver observer,
      IntFunction<CompletableFuture<T>> launcher) {
    this.policy = policy;
    this.scheduler = scheduler;
    this.clock = clock;
    this.observer = observer;
    this.launcher = launcher;
    this.maxCopies = policy.maxHedges();
    this.delayNanos = HedgeSafety.delayNanos(policy.hedgeDelay());
  }

  /** Launches the primary (and, with a zero delay, every hedge) and returns the call's result. */
  CompletableFuture<T> start() {
    result.whenComplete(
        (value, failure) -> {
          if (result.isCancelled()) {
            cancelled();
          }
        });
    int atOnce = delayNanos == 0L ? maxCopies : 1;
    for (int i = 0; i < atOnce && !done.get(); i++) {
      launchNext(ANY);
    }
    return result;
  }

  /** The failures of the copies that failed so far, oldest first. */
  synchronized List<Throwable> failures() {
    return new ArrayList<>(failures);
  }

  /**
   * Launches the next copy if one may start. With a timer {@code generation}, only if no copy was
   * launched since that timer was armed (a failure may have launched one early).
   */
  private void launchNext(int generation) {
    int number;
    Cancellable superseded;
    synchronized (this) {
      if (done.get()
          || refused
          || launched >= maxCopies
          || (generation != ANY && generation != launched)) {
        return;
      }
      number = ++launched;
      inFlight++;
      superseded = timer;
      timer = null;
      reports.incrementAndGet();
    }
    try {
      HedgeSafety.cancel(superseded);
      launch(number);
    } finally {
      release();
    }
  }

  /** Launches copy {@code number}, reserved by {@link #launchNext}. */
  private void launch(int number) {
    if (number > 1 && !HedgeSafety.mayStart(observer, number)) {
      boolean allFailed;
      synchronized (this) {
        refused = true;
        inFlight--;
        allFailed = inFlight == 0;
      }
      if (allFailed) {
        finishFailed();
      }
      return;
    }
    if (number > 1 && !done.get()) {
      HedgeSafety.onHedge(policy.onHedge(), number);
    }
    HedgeSafety.run("copyStarted", () -> observer.copyStarted(number));
    if (done.get()) { // the call ended meanwhile: an admitted copy is started and cancelled at once
      notifyCancelled(number);
      return;
    }
    long startNanos = clock.nanoTime();
    CompletableFuture<T> future;
    try {
      future = launcher.apply(number);
    } catch (RuntimeException | Error launchFailed) {
      future = CompletableFuture.failedFuture(launchFailed);
    }
    HedgeCopy<T> copy = new HedgeCopy<>(number, startNanos, future);
    boolean lateLaunch;
    synchronized (this) {
      lateLaunch = done.get();
      if (!lateLaunch) {
        running.add(copy);
      }
    }
    if (lateLaunch) {
      if (copy.terminate()) {
        future.cancel(true);
        notifyCancelled(number);
      }
      return;
    }
    // A copy that is already over needs no timer: a success ends the call, a failure launches the
    // next copy at once (which arms its own timer).
    if (!future.isDone()) {
      armTimer();
    }
    future.whenComplete((value, failure) -> completed(copy, value, failure));
  }

  /** Schedules the next hedge {@code delayNanos} from now, if another copy may still start. */
  private void armTimer() {
    if (delayNanos == 0L) {
      return;
    }
    int generation;
    synchronized (this) {
      if (done.get() || refused || launched >= maxCopies) {
        return;
      }
      generation = launched;
    }
    Cancellable scheduled;
    try {
      scheduled = scheduler.schedule(() -> launchNext(generation), delayNanos);
    } catch (RuntimeException rejected) {
      HedgeSafety.log("scheduler.schedule", rejected);
      return;
    }
    Cancellable previous = null;
    boolean stale;
    synchronized (this) {
      stale = done.get() || launched != generation;
      if (!stale) {
        previous = timer;
        timer = scheduled;
      }
    }
    HedgeSafety.cancel(previous);
    if (stale) {
      HedgeSafety.cancel(scheduled);
    }
  }

  private void completed(HedgeCopy<T> copy, @Nullable T value, @Nullable Throwable failure) {
    long durationNanos = clock.nanoTime() - copy.startNanos;
    if (failure == null) {
      succeeded(copy, value, durationNanos);
      return;
    }
    Throwable cause = Stages.unwrapNonNull(failure);
    synchronized (this) {
      if (done.get() || !copy.terminate()) {
        return; // the call has ended: stopAll reports this copy cancelled
      }
      reports.incrementAndGet();
    }
    try {
      HedgeSafety.run("copyFailed", () -> observer.copyFailed(copy.number, durationNanos, cause));
      boolean allFailed;
      synchronized (this) {
        failures.add(cause);
        running.remove(copy);
        inFlight--;
        allFailed = inFlight == 0 && (refused || launched >= maxCopies);
      }
      if (cause instanceof VirtualMachineError) {
        finishFatally(cause); // the JVM is in trouble: launch nothing more
      } else if (allFailed) {
        finishFailed();
      } else {
        launchNext(ANY);
      }
    } finally {
      release();
    }
  }

  private void succeeded(HedgeCopy<T> copy, @Nullable T value, long durationNanos) {
    if (!done.compareAndSet(false, true)) {
      return; // lost the race: whoever ended the call reports this copy cancelled in stopAll
    }
    if (copy.terminate()) {
      HedgeSafety.run("recordLatency", () -> policy.hedgeDelay().recordLatency(durationNanos));
      HedgeSafety.run(
          "copySucceeded", () -> observer.copySucceeded(copy.number, durationNanos, value));
    }
    stopAll(copy);
    ended(HedgeOutcome.wonBy(copy.number));
    outcomeValue = value;
    release();
  }

  private void finishFailed() {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    Throwable last;
    List<Throwable> earlier;
    synchronized (this) {
      if (failures.isEmpty()) {
        last = new IllegalStateException("hedged call ended without any copy");
        earlier = List.of();
      } else {
        last = failures.get(failures.size() - 1);
        earlier = new ArrayList<>(failures.subList(0, failures.size() - 1));
      }
    }
    stopAll(null);
    ended(HedgeOutcome.ALL_FAILED);
    outcomeFailure = HedgeFailures.withSuppressed(last, earlier);
    release();
  }

  /** Ends the call with a copy's {@link VirtualMachineError}, as is, cancelling the others. */
  private void finishFatally(Throwable fatal) {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    stopAll(null);
    ended(HedgeOutcome.ALL_FAILED);
    outcomeFailure = fatal;
    release();
  }

  private void cancelled() {
    if (done.compareAndSet(false, true)) {
      stopAll(null);
      ended(HedgeOutcome.CANCELLED);
      release(); // the result is already cancelled: completing it does nothing
    }
  }

  /** Reports how the call ended, once, by the thread that set {@link #done}. */
  private void ended(HedgeOutcome outcome) {
    HedgeSafety.run("hedgedCallEnded", () -> observer.hedgedCallEnded(outcome));
    HedgeListener listener = policy.onHedge();
    if (listener != null) {
      HedgeSafety.run("onOutcome", () -> listener.onOutcome(outcome));
    }
  }

  /** Gives back one owed report; the last one completes the result with the outcome. */
  private void release() {
    if (reports.decrementAndGet() == 0) {
      Throwable failure = outcomeFailure;
      if (failure != null) {
        result.completeExceptionally(failure);
      } else {
        result.complete(outcomeValue);
      }
    }
  }

  /** After {@link #done} was set: cancels the timer and every running copy but the winner. */
  private void stopAll(@Nullable HedgeCopy<T> winner) {
    List<HedgeCopy<T>> losers;
    Cancellable pending;
    synchronized (this) {
      losers = new ArrayList<>(running);
      running.clear();
      pending = timer;
      timer = null;
    }
    HedgeSafety.cancel(pending);
    for (HedgeCopy<T> loser : losers) {
      if (loser != winner && loser.terminate()) {
        loser.future.cancel(true);
        notifyCancelled(loser.number);
      }
    }
  }

  private void notifyCancelled(int number) {
    HedgeSafety.run("copyCancelled", () -> observer.copyCancelled(number));
  }
}

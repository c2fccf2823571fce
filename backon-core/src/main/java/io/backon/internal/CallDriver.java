package io.backon.internal;

import io.backon.AttemptTimeoutException;
import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.RetryStatistics;
import io.backon.breaker.CircuitOpenException;
import io.backon.instrumentation.TraceScope;
import io.backon.time.Clock;
import io.backon.time.Scheduler;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One call of a face that schedules its own attempts and waits (the Reactor operator): it starts
 * each attempt with the shared step, runs a value attempt through the policy's layers on the face's
 * own timers, and settles outcomes with the shared decision. A face that runs a stream attempt
 * itself uses {@link #admit}/{@link #report} (the breaker layer) and {@link #timedOut} (the timeout
 * layer). Confined to one thread at a time (Reactive Streams' serial signals order the calls). Not
 * API.
 */
public final class CallDriver {

  /** {@link #settle} result: the call succeeded. */
  public static final long SUCCESS = CallState.SUCCESS;

  /** {@link #settle} result: the call gave up; finish it with {@link #giveUp()}. */
  public static final long GIVE_UP = CallState.GIVE_UP;

  private final Pipeline pipeline;
  private final CallState state;
  private final @Nullable AtomicReference<RetryStatistics> statistics;
  private final Scheduler scheduler;
  private final Executor hedgeExecutor;

  /** Whether the caller cancelled a traced call; guarded by {@code this}. */
  private boolean cancelled;

  /** The layers' environment, made by the first attempt that runs through them. */
  private AttemptRun.@Nullable Environment environment;

  /**
   * A call under {@code policy} started now.
   *
   * @param nameSource names the target when there is no invocation
   * @param scheduler the face's scheduler for attempt timeouts and hedge timers
   * @param hedgeExecutor where hedged copies are launched (e.g. directly on the timer's thread)
   */
  public CallDriver(
      RetryPolicy policy,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics,
      Scheduler scheduler,
      Executor hedgeExecutor) {
    this.pipeline = Pipeline.of(policy);
    Clock clock = policy.clock();
    this.state = new CallState(pipeline, overrides, invocation, nameSource, clock.nanoTime(), null);
    this.statistics = statistics;
    this.scheduler = scheduler;
    this.hedgeExecutor = hedgeExecutor;
  }

  /** Whether the policy has an instrumentation (cancellations must then be reported). */
  public boolean traced() {
    return state.trace() != null;
  }

  /**
   * The caller cancelled the call; may run on any thread, even while another starts or settles an
   * attempt. Once it returns, no attempt of a traced call starts.
   */
  public void cancelled() {
    synchronized (this) {
      cancelled = true;
      state.cancelled();
    }
  }

  /**
   * Starts attempt {@code number}: events, testing counters, instrumentation.
   *
   * @return {@code false} when the caller cancelled a traced call already: the attempt did not
   *     start (its trace would outlive the call's) and must not run
   */
  public boolean beginAttempt(int number) {
    if (!traced()) {
      state.beginAttempt(number);
      return true;
    }
    synchronized (this) {
      if (cancelled) {
        return false;
      }
      state.beginAttempt(number);
      return true;
    }
  }

  /**
   * Makes attempt {@code number} current on this thread (for {@code Retries.attemptNumber()} and
   * the instrumented attempt's scope) until the returned scope is closed on this thread.
   */
  public TraceScope enterAttempt(int number) {
    AttemptContext context = AttemptContext.current();
    int saved = context.enter(number);
    TraceScope scope = openAttemptTrace();
    return () -> exitAttempt(context, saved, scope);
  }

  /**
   * Like {@link #enterAttempt} without a scope object: makes attempt {@code number} current on this
   * thread and returns what {@link #exitAttempt(int)} restores. Opens the instrumented attempt's
   * scope only when {@link #traced()}; use {@link #enterAttempt} then.
   */
  public int enterUntracedAttempt(int number) {
    return AttemptContext.current().enter(number);
  }

  /** Undoes {@link #enterUntracedAttempt} on the same thread. */
  public void exitAttempt(int saved) {
    AttemptContext.current().restore(saved);
  }

  private @Nullable TraceScope openAttemptTrace() {
    AttemptTrace trace = state.attemptTrace();
    return trace == null ? null : trace.open();
  }

  private static void exitAttempt(AttemptContext context, int saved, @Nullable TraceScope scope) {
    if (scope != null) {
      scope.close();
    }
    context.restore(saved);
  }

  /**
   * Runs attempt {@code number} of a single-value source through the policy's layers (hedging →
   * breaker → attempt timeout) on the face's timers.
   *
   * @param copy subscribes one copy of the source and returns its stage
   */
  public <T extends @Nullable Object> CompletionStage<T> attempt(
      int number, Supplier<? extends @Nullable CompletionStage<T>> copy) {
    AttemptRun.Environment layers = environment;
    if (layers == null) {
      layers =
          new AttemptRun.Environment(
              scheduler, pipeline.policy().clock(), scheduler, hedgeExecutor);
      environment = layers;
    }
    return pipeline.async(state.attemptRun(number, null, layers), copy);
  }

  /**
   * Whether attempts run through layers (hedging, breaker, attempt timeout); without, a face may
   * subscribe its source directly instead of through {@link #attempt}.
   */
  public boolean layered() {
    return pipeline.hasLayers();
  }

  /** Whether the policy has hedging. */
  public boolean hedged() {
    return pipeline.hedge() != null;
  }

  /** The time left before the deadline, in nanoseconds ({@code >= 0}), or -1 without one. */
  public long deadlineLeftNanos() {
    long deadline = pipeline.deadlineNanos();
    if (deadline < 0) {
      return -1L;
    }
    return Math.max(0L, deadline - (pipeline.policy().clock().nanoTime() - state.startNanos()));
  }

  /** The attempt timeout in nanoseconds, -1 without one. */
  public long attemptTimeoutNanos() {
    TimeoutLayer timeout = pipeline.timeout();
    return timeout == null ? -1L : timeout.nanos();
  }

  /** The failure of attempt {@code number} that ran out of time. */
  public AttemptTimeoutException timedOut(int number) {
    TimeoutLayer timeout = pipeline.timeout();
    if (timeout == null) {
      throw new IllegalStateException("the policy has no attempt timeout");
    }
    return timeout.timedOut(state.targetName(), number);
  }

  /**
   * Asks the breaker to admit a copy the face runs itself; {@code null} when admitted (or there is
   * no breaker), else the rejection to fail the copy with.
   */
  public @Nullable CircuitOpenException admit() {
    BreakerLayer breaker = pipeline.breaker();
    if (breaker == null || breaker.admit()) {
      return null;
    }
    return breaker.breaker().rejection();
  }

  /** Whether the policy has a breaker. */
  public boolean breaks() {
    return pipeline.breaker() != null;
  }

  /** Tells the breaker how an admitted copy ended; see {@link BreakerLayer#report}. */
  public void report(
      long durationNanos, @Nullable Object value, @Nullable Throwable failure, boolean noVerdict) {
    BreakerLayer breaker = pipeline.breaker();
    if (breaker != null) {
      breaker.report(durationNanos, value, failure, noVerdict);
    }
  }

  /**
   * Settles attempt {@code number} with the shared decision.
   *
   * @return {@link #SUCCESS}, {@link #GIVE_UP}, or the back-off in nanoseconds to wait before the
   *     next attempt (then call {@link #slept})
   */
  public long settle(int number, @Nullable Object value, @Nullable Throwable failure) {
    return Settlement.afterAttempt(state, number, value, failure, statistics);
  }

  /** The decided back-off of {@code waitNanos} was waited. */
  public void slept(long waitNanos) {
    Settlement.afterSleep(state, waitNanos);
  }

  /** Attempt {@code number} was cut short because the deadline passed while it ran. */
  public void deadlinePassed(int number) {
    state.attemptCutShort(number, null);
    state.endWith(GiveUpReason.DEADLINE_EXCEEDED, null);
    Settlement.record(statistics, state);
  }

  /**
   * Ends a call that gave up: the fallback's value, the last value / null, or throws the failure
   * the caller must see.
   */
  public <T extends @Nullable Object> T giveUp() throws Exception {
    return Settlement.giveUp(state);
  }
}

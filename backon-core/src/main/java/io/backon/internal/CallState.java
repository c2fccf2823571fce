package io.backon.internal;

import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.RetryState;
import io.backon.breaker.CircuitOpenException;
import io.backon.instrumentation.AttemptOutcome;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of one call after its first failure (or first observed success), and the one
 * decision function every face shares: {@link #decide()}. Confined to the thread driving the call
 * at any moment. Not API.
 */
final class CallState implements RetryState {

  /** {@link #decide()} result: the outcome is accepted, the call succeeds. */
  public static final long SUCCESS = -2L;

  /** {@link #decide()} result: the call gives up; see {@link #giveUpReason()}. */
  public static final long GIVE_UP = -1L;

  /** A back-off shorter than this (100 ms) counts as a fast retry. */
  private static final long FAST_RETRY_NANOS = 100_000_000L;

  private static final int FAST_RETRY_WARN_COUNT = 5;

  private Pipeline pipeline;
  private RetryPolicy policy;
  private GlobalSettings overrides;
  private @Nullable Invocation invocation;
  private Object target;
  private long startNanos;
  private int attempt;

  /** When the last recorded attempt ended; read from the clock only when first needed. */
  private long attemptEndNanos;

  private boolean attemptEndRead;

  /** Whether {@link #startNanos} was read when the first attempt ended (a stateless start). */
  private boolean startsAtFirstAttemptEnd;

  private long upcomingWaitNanos;
  private long previousWaitNanos;
  private long idleNanos;
  private boolean failed;
  private @Nullable Throwable failure;

  /** The target's own failure in this call before the breaker's rejection, if any. */
  private @Nullable Throwable failureBeforeRejection;

  private @Nullable Object result;
  private @Nullable GiveUpReason giveUpReason;
  private int fastRetries;
  private boolean blocking;
  private boolean cut;
  private @Nullable Throwable thrownWhenCut;
  private @Nullable Throwable endingFailure;

  /** The slot of the thread this state goes back to when the call ends; null if it does not. */
  private @Nullable AttemptContext home;

  private @Nullable CallTrace trace;

  /**
   * State for a call that started at {@code startNanos} (on the policy's clock). When the policy
   * has an instrumentation (and retrying is on), the call's tracing starts here, unless a {@code
   * resumed} trace goes on.
   *
   * @param target the callable, used for its name when there is no invocation
   */
  CallState(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Object target,
      long startNanos,
      @Nullable CallTrace resumed) {
    this.pipeline = pipeline;
    this.policy = pipeline.policy();
    this.overrides = overrides;
    this.target = target;
    begin(pipeline, overrides, invocation, target, startNanos, resumed);
  }

  /** Sets what a call starting now is about: shared by the constructor and a reused spare. */
  private void begin(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Object target,
      long startNanos,
      @Nullable CallTrace resumed) {
    this.pipeline = pipeline;
    this.policy = pipeline.policy();
    this.overrides = overrides;
    this.invocation = invocation;
    this.target = target;
    this.startNanos = startNanos;
    this.trace =
        resumed != null
            ? resumed
            : pipeline.instrumented()
                ? CallTrace.start(pipeline, overrides, invocation, target, startNanos)
                : null;
  }

  /**
   * The state of a blocking call on this thread, started at {@code startNanos}: the thread's spare
   * state when it is free (a blocking call is confined to its thread, so retrying allocates no
   * state), else a new one. Hedged calls get a new one, since their copies may outlive the call.
   * Give it back with {@link #release()} when the call has ended. A non-null {@code resumed} trace
   * goes on instead of starting one.
   *
   * @param slot this thread's {@link AttemptContext}, which the caller has looked up already
   */
  static CallState forBlockingCall(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Object target,
      long startNanos,
      @Nullable CallTrace resumed,
      AttemptContext slot) {
    if (pipeline.hedge() != null) {
      return new CallState(pipeline, overrides, invocation, target, startNanos, resumed).blocking();
    }
    CallState state = slot.spare;
    if (state == null) {
      state = new CallState(pipeline, overrides, invocation, target, startNanos, resumed);
    } else {
      slot.spare = null;
      state.begin(pipeline, overrides, invocation, target, startNanos, resumed);
    }
    state.home = slot;
    return state.blocking();
  }

  /**
   * Ends a call whose state came from {@link #forBlockingCall}: forgets everything it referenced
   * and makes it this thread's spare. It must not be used afterwards. Does nothing for other
   * states.
   */
  void release() {
    AttemptContext slot = home;
    if (slot == null) {
      return;
    }
    home = null;
    pipeline = Released.PIPELINE; // a spare must not keep the call's policy, listeners and beans
    policy = pipeline.policy();
    overrides = GlobalSettings.NONE;
    invocation = null;
    target = slot;
    trace = null;
    attempt = 0;
    attemptEndNanos = 0L;
    attemptEndRead = false;
    startsAtFirstAttemptEnd = false;
    upcomingWaitNanos = 0L;
    previousWaitNanos = 0L;
    idleNanos = 0L;
    failed = false;
    failure = null;
    failureBeforeRejection = null;
    result = null;
    giveUpReason = null;
    fastRetries = 0;
    cut = false;
    thrownWhenCut = null;
    endingFailure = null;
    slot.spare = this;
  }

  /** What a spare state refers to between calls: a default policy, nothing of the application's. */
  private static final class Released {
    static final Pipeline PIPELINE = Pipeline.of(RetryPolicy.builder().name("released").build());
  }

  /**
   * Marks the call as running on the caller's thread (blocking faces): an interrupt flag found set
   * after an attempt then ends the call. Async faces decide on pooled threads, where a stray flag
   * says nothing about the call.
   */
  public CallState blocking() {
    this.blocking = true;
    return this;
  }

  /** The call's tracing, or {@code null} when the policy has no instrumentation. */
  public @Nullable CallTrace trace() {
    return trace;
  }

  /** Whether the call is traced ({@link #trace()} is not {@code null}). */
  boolean traced() {
    return trace != null;
  }

  /**
   * Starts attempt {@code number}: the one step every face takes before it runs an attempt. Fires
   * {@code onAttempt} and {@code before}, counts the attempt for the testing scopes, and starts the
   * attempt's tracing (see {@link #attemptTrace()}).
   */
  void beginAttempt(int number) {
    CallEvents.fire(this, EventType.ATTEMPT, number);
    CallEvents.fire(this, EventType.BEFORE, number);
    AtomicInteger counter = overrides.attemptCounter();
    if (counter != null) {
      counter.incrementAndGet();
    }
    if (trace != null) {
      trace.attemptStarted(number);
    }
  }

  /**
   * Starts the tracing of attempt {@code number}, which started before this state existed, unless
   * the state goes on with a trace that already started it.
   */
  void attemptTraced(int number) {
    if (trace != null && trace.current() == null) {
      trace.attemptStarted(number);
    }
  }

  /**
   * What the layers of attempt {@code number} share, on the policy's own scheduler and clock.
   *
   * @param deadline the caller's deadline guard (blocking faces), or {@code null}
   */
  AttemptRun attemptRun(int number, @Nullable AttemptGuard deadline) {
    return attemptRun(number, deadline, pipeline.environment());
  }

  /** {@link #attemptRun(int, AttemptGuard)} with a face's own timers (the Reactor face). */
  AttemptRun attemptRun(
      int number, @Nullable AttemptGuard deadline, AttemptRun.Environment environment) {
    return new AttemptRun(this, target, number, environment, deadline, attemptTrace());
  }

  /** The tracing of the attempt started last, or {@code null} without instrumentation. */
  public @Nullable AttemptTrace attemptTrace() {
    return trace != null ? trace.current() : null;
  }

  /**
   * Tells the instrumentation, if any, that the caller cancelled the call (async and reactive
   * faces); may run on any thread, even while another settles the call.
   */
  public void cancelled() {
    if (trace != null) {
      trace.cancelled();
    }
  }

  /** The compiled policy of this call. */
  Pipeline pipeline() {
    return pipeline;
  }

  /** The policy of this call. */
  public RetryPolicy policy() {
    return policy;
  }

  /** The switches read when the call started. */
  public GlobalSettings overrides() {
    return overrides;
  }

  /**
   * Marks this state as created after its first attempt ended, with {@link #startNanos()} read at
   * that end: the first attempt's end then costs no second clock read.
   */
  CallState startsAtFirstAttemptEnd() {
    this.startsAtFirstAttemptEnd = true;
    return this;
  }

  /**
   * Records the outcome of attempt {@code number}. When it ended is read from the clock only if
   * something asks (a time limit, a stop or wait reading the elapsed time, an event), so that a
   * retry of a policy without time limits and a success read no clock. A breaker's rejection after
   * a failed attempt keeps that failure (see {@link #failureBeforeRejection()}), also as
   * suppressed, so the caller still sees what opened it.
   */
  public void recordOutcome(int number, @Nullable Object value, @Nullable Throwable thrown) {
    if (thrown instanceof CircuitOpenException rejected) {
      Throwable before = failure instanceof CircuitOpenException ? failureBeforeRejection : failure;
      failureBeforeRejection = before;
      if (before != null) {
        Exceptions.keepEarlierFailure(rejected, before);
      }
    }
    this.attempt = number;
    boolean atStart = number == 1 && startsAtFirstAttemptEnd;
    this.attemptEndNanos = atStart ? startNanos : 0L;
    this.attemptEndRead = atStart;
    this.failed = thrown != null;
    this.failure = thrown;
    this.result = thrown == null ? value : null;
    this.upcomingWaitNanos = 0L;
  }

  /**
   * Decides what follows the recorded outcome, in the documented order: not retryable → wait
   * (override, or strategy + jitter) → time limit → attempt limit → custom stop → deadline (a wait
   * that would end at or after the deadline ends the call now) → retry budget. A retryable outcome
   * costs the budget a token, an accepted one earns {@code tokenRatio}. See {@link RetryDecision}.
   *
   * @return {@link #SUCCESS}, {@link #GIVE_UP}, or the wait in nanoseconds before the next attempt
   */
  public long decide() {
    return RetryDecision.decide(this);
  }

  /** Whether the call runs on the caller's thread (see {@link #blocking()}). */
  boolean isBlocking() {
    return blocking;
  }

  /** The back-off the decision settled on; events and the log read it. */
  void upcomingWait(long waitNanos) {
    this.upcomingWaitNanos = waitNanos;
  }

  /** Ends the call with {@code reason}; returns {@link #GIVE_UP}. */
  long giveUp(GiveUpReason reason) {
    this.giveUpReason = reason;
    return GIVE_UP;
  }

  /**
   * Gives up for a reason found outside {@link #decide()}: an interrupted back-off sleep, or a
   * deadline that passed. The last recorded failure stays the call's failure.
   *
   * @param cause what ended the call (the interrupt, or what the cancelled attempt threw); it is
   *     added as suppressed to the failure the caller sees
   */
  public void endWith(GiveUpReason reason, @Nullable Throwable cause) {
    this.giveUpReason = reason;
    this.endingFailure = cause;
  }

  /**
   * Counts an attempt that was started but ended by the deadline before it could finish, and tells
   * the {@code AFTER} listeners (with {@code thrownWhenCut}, or no outcome when it is null: an
   * interrupt Backon itself caused is not the target's outcome). The previous attempt's failure
   * stays the call's last failure.
   */
  public void attemptCutShort(int number, @Nullable Throwable thrownWhenCut) {
    this.attempt = number;
    endedNow();
    this.cut = true;
    this.thrownWhenCut = thrownWhenCut;
    CallEvents.fire(this, EventType.AFTER, number);
    if (trace != null) {
      trace.attemptEnded(number, AttemptOutcome.CANCELLED, thrownWhenCut);
    }
  }

  /** Marks now as the end of the call's last activity (the deadline passed during a wait). */
  public void endedNow() {
    this.attemptEndNanos = policy.clock().nanoTime();
    this.attemptEndRead = true;
  }

  /** When the last recorded attempt ended, read from the clock the first time it is asked. */
  private long attemptEndNanos() {
    if (!attemptEndRead) {
      endedNow();
    }
    return attemptEndNanos;
  }

  /** What ended the call from outside {@link #decide()}, if anything. */
  public @Nullable Throwable endingFailure() {
    return endingFailure;
  }

  /**
   * Records that the decided back-off of {@code waitNanos} was slept and the next attempt begins.
   *
   * @return whether this retry makes the call a hot loop that should be warned about (once)
   */
  public boolean sleptAndAdvance(long waitNanos) {
    idleNanos = saturatingAdd(idleNanos, waitNanos);
    previousWaitNanos = waitNanos;
    if (waitNanos < FAST_RETRY_NANOS && !overrides.noBackoff()) {
      fastRetries++;
      return fastRetries == FAST_RETRY_WARN_COUNT;
    }
    return false;
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** Whether any listener is registered for this hook. */
  boolean listens(EventType type) {
    return pipeline.listens(type);
  }

  /** The target's arguments, empty when the call has no invocation. */
  List<@Nullable Object> arguments() {
    return invocation == null ? List.of() : invocation.arguments();
  }

  /** Whether the last attempt was cut short by the deadline ({@link #attemptCutShort}). */
  boolean cutShort() {
    return cut;
  }

  /** What the attempt cut short threw when it was cut, if anything. */
  @Nullable Throwable thrownWhenCut() {
    return thrownWhenCut;
  }

  /** Nanoseconds from the call's start to now, read from the clock. */
  long nanosSinceStart() {
    return Math.max(0L, policy.clock().nanoTime() - startNanos);
  }

  /** The target's name: the invocation's, else derived from the callable's class. */
  public String targetName() {
    return TargetNames.of(invocation, target);
  }

  /** Why the call gave up, once {@link #decide()} returned {@link #GIVE_UP}. */
  public @Nullable GiveUpReason giveUpReason() {
    return giveUpReason;
  }

  /** When the call started, on the policy's clock. */
  public long startNanos() {
    return startNanos;
  }

  @Override
  public int attemptNumber() {
    return attempt;
  }

  @Override
  public long elapsedNanos() {
    return Math.max(0L, attemptEndNanos() - startNanos);
  }

  @Override
  public long upcomingWaitNanos() {
    return upcomingWaitNanos;
  }

  @Override
  public long previousWaitNanos() {
    return previousWaitNanos;
  }

  @Override
  public long idleNanos() {
    return idleNanos;
  }

  @Override
  public boolean failed() {
    return failed;
  }

  @Override
  public @Nullable Throwable lastFailure() {
    return failure;
  }

  /**
   * When a breaker rejected the last attempt: the failure of the target this call's latest attempt
   * that reached it ended with, or {@code null} when none of its attempts did (rejected outright).
   * Tracked here rather than read back from the rejection's suppressed exceptions, which code
   * between the breaker and the engine adds to as well (Reactor's assembly tracebacks, {@code
   * block()}'s marker).
   */
  @Nullable Throwable failureBeforeRejection() {
    return failureBeforeRejection;
  }

  @Override
  public @Nullable Object lastResult() {
    return result;
  }

  @Override
  public RandomGenerator random() {
    return policy.random();
  }

  @Override
  public String toString() {
    return "CallState{target=" + targetName() + ", attempt=" + attempt + ", failed=" + failed + '}';
  }
}

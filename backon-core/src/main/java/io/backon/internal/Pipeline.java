package io.backon.internal;

import io.backon.AttemptsStillRunningException;
import io.backon.EventType;
import io.backon.Fallback;
import io.backon.RetryListener;
import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitOpenException;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgingPolicy;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.RetryInstrumentation;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RetryPolicy} compiled for the engine, once, when the policy is built: the attempt's
 * layers the policy actually has, chained in the fixed order (hedging → per copy: circuit breaker →
 * attempt timeout → target), and the flags that tell each face which machinery a call needs. A
 * policy without a breaker has no breaker layer; one without success-path listeners, deadline,
 * instrumentation, hedging or attempt timeout runs its first attempt with no per-call state.
 * Immutable and thread-safe. Not API.
 */
public final class Pipeline {

  private static volatile @Nullable Function<RetryPolicy, Pipeline> access;

  private final RetryPolicy policy;
  private final @Nullable Layer chain;
  private final @Nullable BreakerLayer breaker;
  private final @Nullable TimeoutLayer timeout;
  private final @Nullable HedgeLayer hedge;
  private final @Nullable RetryBudget budget;

  /** The listeners of each {@link EventType}, by ordinal; an array so that a check is one load. */
  private final RetryListener[][] listeners;

  private final boolean stateFromStart;
  private final boolean timed;
  private final boolean checksResults;
  private final boolean instrumented;
  private final @Nullable CallTracer sharedTracer;
  private final boolean tracedFirstAttempt;
  private final boolean limitsTriesOnly;
  private final Class<? extends Throwable>[] abortOn;
  private final boolean abortsOnCircuitOpen;
  private final long deadlineNanos;
  private final AttemptRun.Environment environment;
  private final @Nullable AttemptSlots slots;

  /** See {@link #reactorForms}; set on first use. */
  private volatile @Nullable Object reactorForms;

  private Pipeline(RetryPolicy policy, List<List<RetryListener>> listeners, boolean checksResults) {
    this.policy = policy;
    this.listeners = new RetryListener[listeners.size()][];
    for (int i = 0; i < listeners.size(); i++) {
      this.listeners[i] = listeners.get(i).toArray(new RetryListener[0]);
    }
    this.checksResults = checksResults;
    CircuitBreaker circuitBreaker = policy.circuitBreaker();
    HedgingPolicy hedging = policy.hedging();
    long attemptTimeout = policy.attemptTimeoutNanos();
    this.timeout = attemptTimeout >= 0 ? new TimeoutLayer(attemptTimeout, null) : null;
    this.breaker = circuitBreaker != null ? new BreakerLayer(circuitBreaker, timeout) : null;
    Layer copy = breaker != null ? breaker : timeout;
    this.slots =
        timeout == null && policy.deadlineNanos() < 0 && hedging == null
            ? null
            : new AttemptSlots(
                hedging != null ? hedging.maxHedges() : 1, policy.waitForAbandonedAttempts());
    this.hedge =
        hedging != null
            ? new HedgeLayer(hedging, policy.retryBudget(), circuitBreaker, copy, slots)
            : null;
    this.chain = hedge != null ? hedge : copy;
    this.budget = policy.retryBudget();
    this.environment = new AttemptRun.Environment(policy.scheduler(), policy.clock(), null, null);
    this.instrumented = policy.instrumentation() != RetryInstrumentation.NONE;
    this.sharedTracer = instrumented ? sharedTracer(policy) : null;
    this.deadlineNanos = policy.deadlineNanos();
    this.abortOn = abortTypes(policy);
    this.abortsOnCircuitOpen = !policy.retryOnCircuitOpen();
    boolean listensToSuccessPath =
        listens(EventType.ATTEMPT)
            || listens(EventType.BEFORE)
            || listens(EventType.AFTER)
            || listens(EventType.SUCCESS);
    this.stateFromStart = listensToSuccessPath || deadlineNanos >= 0 || instrumented;
    this.tracedFirstAttempt =
        instrumented
            && !listensToSuccessPath
            && deadlineNanos < 0
            && hedge == null
            && timeout == null;
    this.limitsTriesOnly =
        policy.maxTimeNanos() < 0
            && policy.maxTimeSupplier() == null
            && policy.stop() == null
            && deadlineNanos < 0
            && policy.retryBudget() == null;
    this.timed =
        policy.statistics()
            || instrumented
            || stateFromStart
            || hedge != null
            || timeout != null
            || appliesFallback(policy)
            || policy.stop() != null
            || policy.maxTimeNanos() >= 0
            || policy.maxTimeSupplier() != null;
  }

  /**
   * The Reactor face's forms of this policy, derived by {@code derive} on first use and kept (two
   * threads may both derive them; one result is kept). They are policies built from this one, which
   * an operator made per call would otherwise build again on every call.
   */
  public Object reactorForms(Supplier<?> derive) {
    Object forms = reactorForms;
    if (forms == null) {
      forms = Objects.requireNonNull(derive.get(), "derived forms");
      reactorForms = forms;
    }
    return forms;
  }

  /** Whether the engine applies the policy's fallback (whose event needs the call's start). */
  private static boolean appliesFallback(RetryPolicy policy) {
    Fallback fallback = policy.fallback();
    return fallback != null && !fallback.isAppliedByCaller();
  }

  /**
   * Compiles {@code policy}; called once by its constructor, after every setting is in place.
   *
   * @param listeners the listeners of each {@link EventType}, by ordinal, unmodifiable
   * @param checksResults whether the retry condition tests values as well as failures
   */
  public static Pipeline compile(
      RetryPolicy policy, List<List<RetryListener>> listeners, boolean checksResults) {
    return new Pipeline(policy, listeners, checksResults);
  }

  /**
   * Lets the engine reach a policy's compiled form from packages that only hold the policy (the
   * Reactor face); granted once, by {@code RetryPolicy}'s class initializer.
   */
  public static synchronized void grantAccess(Function<RetryPolicy, Pipeline> accessor) {
    if (access != null) {
      throw new IllegalStateException("access was granted already");
    }
    access = accessor;
  }

  /** The compiled form of {@code policy}. */
  public static Pipeline of(RetryPolicy policy) {
    Function<RetryPolicy, Pipeline> accessor = access;
    if (accessor == null) {
      throw new IllegalStateException("RetryPolicy is not initialized");
    }
    return accessor.apply(policy);
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Throwable>[] abortTypes(RetryPolicy policy) {
    return policy.abortOn().toArray(new Class[0]);
  }

  /** The policy this pipeline was compiled from. */
  public RetryPolicy policy() {
    return policy;
  }

  /** The listeners of one hook, in registration order (shared: never change it). */
  RetryListener[] listeners(EventType type) {
    return listeners[type.ordinal()];
  }

  /** Whether a listener is registered for {@code type}. */
  boolean listens(EventType type) {
    return listeners[type.ordinal()].length != 0;
  }

  /**
   * Whether a call needs its state before the first attempt: a listener of the success path ({@code
   * onAttempt}, {@code before}, {@code after}, {@code onSuccess}), a deadline or an
   * instrumentation. Listeners of retries and give-ups do not: they cost nothing until their event
   * happens; nor do hedging and attempt timeouts, which need only the attempt's {@link AttemptRun}.
   */
  boolean stateFromStart() {
    return stateFromStart;
  }

  /**
   * Whether a blocking call's only reason to hold state from its start is its instrumentation, and
   * its first attempt runs on the caller's thread (no hedging, no attempt timeout): that attempt is
   * then traced without per-call state, which a call creates only if the attempt fails or its value
   * must be checked. A metered success then allocates nothing.
   */
  boolean tracedFirstAttempt() {
    return tracedFirstAttempt;
  }

  /**
   * Whether a call reads the clock when it starts: time limits, success-path listeners, statistics,
   * instrumentation, fallback, hedging or an attempt timeout. A call that does not (e.g. one whose
   * only listeners are {@code beforeSleep}, {@code onBackoff} or {@code onGiveUp}) counts its
   * elapsed time from the end of its first attempt, once that attempt failed: a success then reads
   * no clock at all.
   */
  public boolean timed() {
    return timed;
  }

  /** Whether values (not only failures) are tested by the retry condition. */
  public boolean checksResults() {
    return checksResults;
  }

  /**
   * Whether the attempt limit is the only limit after the wait: no time limit, custom stop,
   * deadline or retry budget, so that {@link CallState#decide()} checks nothing else.
   */
  boolean limitsTriesOnly() {
    return limitsTriesOnly;
  }

  /** Whether an instrumentation other than {@link RetryInstrumentation#NONE} is set. */
  public boolean instrumented() {
    return instrumented;
  }

  /**
   * The instrumentation's tracer of all this policy's calls, or {@code null} when each call starts
   * its own (see {@link RetryInstrumentation#sharedTracer}).
   */
  @Nullable CallTracer sharedTracer() {
    return sharedTracer;
  }

  private static @Nullable CallTracer sharedTracer(RetryPolicy policy) {
    try {
      return policy.instrumentation().sharedTracer(policy);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      TraceSafety.log("sharedTracer", broken);
      return null;
    }
  }

  /** The deadline over the whole call in nanoseconds, {@code -1} without one. */
  long deadlineNanos() {
    return deadlineNanos;
  }

  /** The retry budget, if any. */
  @Nullable RetryBudget budget() {
    return budget;
  }

  /** The breaker layer, or {@code null} when the policy has no breaker. */
  @Nullable BreakerLayer breaker() {
    return breaker;
  }

  /** The attempt-timeout layer, or {@code null} without an attempt timeout. */
  @Nullable TimeoutLayer timeout() {
    return timeout;
  }

  /** The hedging layer, or {@code null} without hedging. */
  @Nullable HedgeLayer hedge() {
    return hedge;
  }

  /** Where the policy's timers run: its scheduler and clock, the hedging policy's own. */
  AttemptRun.Environment environment() {
    return environment;
  }

  /**
   * A new {@code supplyAsync} call's access to the policy's slots, to close when the call ends; or
   * {@code null} when its attempts are never abandoned (no attempt timeout, deadline or hedging):
   * see {@link AttemptSlots}.
   */
  AttemptSlots.@Nullable Call slotsForCall(String targetName) {
    AttemptSlots shared = slots;
    return shared == null ? null : shared.open(targetName);
  }

  /** Whether an attempt passes through any layer (hedging, breaker or attempt timeout). */
  boolean hasLayers() {
    return chain != null;
  }

  /** Whether an attempt passes through hedging or an attempt timeout (beyond a breaker). */
  boolean wrapsAttempts() {
    return hedge != null || timeout != null;
  }

  /**
   * Whether {@code failure} ends the call at once whatever the retry condition says: one of the
   * {@code abortOn} types, or a {@link CircuitOpenException} unless the policy retries those.
   */
  public boolean aborts(Throwable failure) {
    if (abortsOnCircuitOpen && failure instanceof CircuitOpenException
        || failure instanceof AttemptsStillRunningException) {
      return true;
    }
    for (Class<? extends Throwable> type : abortOn) {
      if (type.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }

  /** Runs one attempt through the layers on the calling thread (copies may run elsewhere). */
  <T extends @Nullable Object> T blocking(AttemptRun run, Callable<T> target) throws Exception {
    Layer first = chain;
    return first == null ? target.call() : first.blocking(run, target);
  }

  /** Starts one attempt through the layers without blocking; a throwing target fails the stage. */
  <T extends @Nullable Object> CompletionStage<T> async(
      AttemptRun run, Supplier<? extends @Nullable CompletionStage<T>> target) {
    Layer first = chain;
    return first == null ? Layer.invoke(target, run.number()) : first.async(run, target);
  }

  @Override
  public String toString() {
    return "Pipeline{" + policy.name() + ": " + (chain == null ? "target" : chain.describe()) + '}';
  }
}

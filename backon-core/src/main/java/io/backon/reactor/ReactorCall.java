package io.backon.reactor;

import io.backon.AttemptTimeoutException;
import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.hedge.Hedging;
import io.backon.hedge.HedgingPolicy;
import io.backon.internal.CallState;
import io.backon.internal.HedgeAccounting;
import io.backon.internal.Overrides;
import io.backon.internal.Settlement;
import io.backon.internal.StatisticsRecorder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.Context;
import reactor.util.context.ContextView;
import reactor.util.retry.Retry;

/**
 * One subscription's retried call. Each attempt is a subscription to the source; its outcome is
 * settled with {@link Settlement#afterAttempt} (the decision every face shares), and a decided wait
 * is a {@code Mono.delay} on the Reactor scheduler in {@code retryWhen}'s companion, which then
 * re-subscribes. Attempt timeout and deadline are per-attempt timers on the same scheduler (the
 * deadline timer is set to the time left). Reactive Streams' serial signals order every access to
 * the state; cancellation is Reactor's own (it cancels the attempt and the pending delay).
 *
 * <p>A Mono attempt under a policy with {@link RetryPolicy#hedging() hedging} is a race run by the
 * one hedging engine, {@link Hedging#callAsync}: each copy is a subscription to the source (bridged
 * with {@code toFuture()}, whose cancellation cancels the subscription) with the breaker (per copy)
 * and attempt-timeout layers applied, hedge timers run on the Reactor scheduler, and the race's
 * future is bridged back with {@code Mono.fromFuture(future, false)} so that cancelling the attempt
 * cancels the race, its copies and its timer. The deadline applies to the whole race.
 */
final class ReactorCall<T> {

  private final RetryPolicy policy;
  private final Publisher<T> source;
  private final Scheduler scheduler;
  private final @Nullable StatisticsRecorder statistics;
  private final CallState state;
  private final @Nullable AtomicInteger counter;
  private @Nullable HedgingPolicy reactorHedging;
  private int attempt;
  private int settledAttempt;
  private long pendingWaitNanos;

  ReactorCall(RetryPolicy policy, Overrides overrides, @Nullable Invocation invocation,
      Publisher<T> source, Scheduler scheduler, @Nullable StatisticsRecorder statistics) {
    this.policy = policy;
    this.source = source;
    this.scheduler = scheduler;
    this.statistics = statistics;
    this.counter = overrides.attemptCounter();
    this.state = new CallState(policy, overrides, invocation, source, policy.clock().nanoTime());
  }

  /** The call for a Mono: its value, or emptiness as {@code null}, is settled. */
  Mono<T> mono() {
    Mono<T> call = Mono.defer(this::monoAttempt).retryWhen(companion());
    return state.trace() == null ? call : call.doOnCancel(state::cancelled);
  }

  /** The call for a Flux: elements pass through; errors and completion are settled. */
  Flux<T> flux() {
    Flux<T> call = Flux.defer(this::fluxAttempt).retryWhen(companion());
    return state.trace() == null ? call : call.doOnCancel(state::cancelled);
  }

  private Mono<T> monoAttempt() {
    int number = begin();
    if (policy.hedging() != null) {
      return hedged(number).materialize().flatMap(signal -> outcome(number, signal));
    }
    Mono<T> one = Mono.fromDirect(scoped(number));
    long[] limit = limit();
    if (limit[0] >= 0) {
      Marker.Kind kind = limit[1] == 1 ? Marker.Kind.DEADLINE_PASSED : Marker.Kind.TIMED_OUT;
      one = one.timeout(Duration.ofNanos(limit[0]), Mono.error(() -> new Marker(kind)), scheduler);
    }
    if (policy.circuitBreaker() != null) {
      one = Mono.fromDirect(withBreaker(one.flux(), number, true));
    }
    return one.materialize().flatMap(signal -> outcome(number, signal));
  }

  private Flux<T> fluxAttempt() {
    int number = begin();
    Flux<T> one = scoped(number);
    long[] limit = limit();
    if (limit[0] >= 0) {
      one = withTimer(one, limit[0],
          limit[1] == 1 ? Marker.Kind.DEADLINE_PASSED : Marker.Kind.TIMED_OUT);
    }
    if (policy.circuitBreaker() != null) {
      one = withBreaker(one, number, false);
    }
    return one.onErrorResume(failure -> failed(number, failure))
        .concatWith(Mono.defer(() -> settledAttempt == number ? Mono.empty()
            : settle(number, null, null)));
  }

  /**
   * The breaker layer around one (timed) attempt: a permission before subscribing, then exactly one
   * of outcome / release. A rejected attempt fails with the breaker's {@code CircuitOpenException};
   * an attempt cut by the deadline, or cancelled, releases its permission.
   */
  private Flux<T> withBreaker(Flux<T> timed, int number, boolean mono) {
    return withBreaker(timed, number, mono, null);
  }

  /**
   * {@link #withBreaker(Flux, int, boolean)} for one hedged copy: once another copy of the attempt
   * has won ({@code decided}), a failure of this copy releases its permission instead of counting.
   */
  private Flux<T> withBreaker(Flux<T> timed, int number, boolean mono,
      @Nullable AtomicBoolean decided) {
    CircuitBreaker breaker = java.util.Objects.requireNonNull(policy.circuitBreaker());
    return Flux.defer(() -> {
      if (!breaker.tryAcquirePermission()) {
        return Flux.error(breaker.rejection());
      }
      long start = policy.clock().nanoTime();
      AtomicBoolean ended = new AtomicBoolean();
      AtomicReference<@Nullable T> last = new AtomicReference<>();
      return timed.doOnNext(last::set)
          .doOnComplete(() -> {
            if (ended.compareAndSet(false, true)) {
              long duration = policy.clock().nanoTime() - start;
              if (mono) {
                breaker.onResult(duration, last.get());
              } else {
                breaker.onSuccess(duration);
              }
            }
          })
          .doOnError(failure -> {
            if (!ended.compareAndSet(false, true)) {
              return;
            }
            if (Marker.is(failure, Marker.Kind.DEADLINE_PASSED)
                || (decided != null && decided.get())) {
              breaker.releasePermission();
              return;
            }
            Throwable recorded = Marker.is(failure, Marker.Kind.TIMED_OUT)
                ? new AttemptTimeoutException(state.targetName(), number,
                    Duration.ofNanos(policy.attemptTimeoutNanos()))
                : failure;
            breaker.onError(policy.clock().nanoTime() - start, recorded);
          })
          .doOnCancel(() -> {
            if (ended.compareAndSet(false, true)) {
              breaker.releasePermission();
            }
          });
    });
  }

  /**
   * A hedged Mono attempt: copies raced by {@link Hedging#callAsync}, each passing through the
   * breaker (per copy) and the attempt timeout; the deadline, when set, cuts the whole race (which
   * cancels every copy, releasing their breaker permissions).
   */
  private Mono<T> hedged(int number) {
    HedgingPolicy hedging = reactorHedging();
    Mono<T> race = Mono.deferContextual(context -> {
      HedgeAccounting accounting = new HedgeAccounting(policy, state.attemptTrace());
      return Mono.fromFuture(Hedging.<@Nullable T>callAsync(hedging,
          () -> copy(number, context, accounting.decided()).toFuture(), accounting), false);
    });
    long deadlineLeft = deadlineLeft();
    if (deadlineLeft >= 0) {
      race = race.timeout(Duration.ofNanos(deadlineLeft),
          Mono.error(() -> new Marker(Marker.Kind.DEADLINE_PASSED)), scheduler);
    }
    return race;
  }

  /**
   * One copy of a hedged attempt: a subscription to the source, timed by the attempt timeout (its
   * clock starts at this copy's subscription) unless the deadline comes first, inside the breaker.
   */
  private Mono<T> copy(int number, ContextView context, AtomicBoolean decided) {
    Mono<T> one = Mono.fromDirect(scoped(number));
    long timeout = policy.attemptTimeoutNanos();
    long deadlineLeft = deadlineLeft();
    if (timeout >= 0 && (deadlineLeft < 0 || timeout < deadlineLeft)) {
      one = one.timeout(Duration.ofNanos(timeout), Mono.error(() ->
          new AttemptTimeoutException(state.targetName(), number, Duration.ofNanos(timeout))),
          scheduler);
    }
    if (policy.circuitBreaker() != null) {
      one = Mono.fromDirect(withBreaker(one.flux(), number, true, decided));
    }
    return one.contextWrite(context);
  }

  /**
   * The policy's hedging with this call's Reactor scheduler running the hedge timers (so virtual
   * time works), the call's clock measuring copies, and copies subscribed directly on the thread
   * that launches them (a timer or the thread where the previous copy failed).
   */
  private HedgingPolicy reactorHedging() {
    HedgingPolicy adapted = reactorHedging;
    if (adapted == null) {
      HedgingPolicy configured = java.util.Objects.requireNonNull(policy.hedging());
      adapted = configured.toBuilder()
          .executor(Runnable::run)
          .scheduler((task, delayNanos) -> {
            Disposable timer = delayNanos <= 0L ? scheduler.schedule(task)
                : scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            return timer::dispose;
          })
          .clock(policy.clock())
          .build();
      reactorHedging = adapted;
    }
    return adapted;
  }

  /** The time left before the deadline, in nanoseconds ({@code >= 0}), or -1 without one. */
  private long deadlineLeft() {
    long deadline = policy.deadlineNanos();
    if (deadline < 0) {
      return -1L;
    }
    return Math.max(0L, deadline - (policy.clock().nanoTime() - state.startNanos()));
  }

  /** Starts attempt n: events, test counter, instrumentation; returns its number. */
  private int begin() {
    int number = ++attempt;
    state.fire(EventType.ATTEMPT, number);
    state.fire(EventType.BEFORE, number);
    if (counter != null) {
      counter.incrementAndGet();
    }
    state.attemptStarted(number);
    return number;
  }

  /**
   * The source for attempt n, with the number (and the instrumented attempt's scope) on the
   * subscribing thread, and the number in the Context.
   */
  private Flux<T> scoped(int number) {
    return new AttemptScope<>(source, number, state.attemptTrace())
        .contextWrite(Context.of(BackonReactor.ATTEMPT_CONTEXT_KEY, number));
  }

  /**
   * The time limit of the next attempt: {@code {nanos, 1}} when the deadline comes first (or at the
   * same time), {@code {nanos, 0}} for the attempt timeout, {@code {-1, 0}} for none.
   */
  private long[] limit() {
    long timeout = policy.attemptTimeoutNanos();
    long remaining = deadlineLeft();
    if (remaining >= 0) {
      if (timeout < 0 || remaining <= timeout) {
        return new long[] {remaining, 1L};
      }
    }
    return new long[] {timeout, 0L};
  }

  /** Cancels a Flux attempt {@code nanos} after it starts; elements do not restart the timer. */
  private Flux<T> withTimer(Flux<T> attemptFlux, long nanos, Marker.Kind kind) {
    long start = scheduler.now(TimeUnit.NANOSECONDS);
    long end = start + nanos < start ? Long.MAX_VALUE : start + nanos;
    Function<T, Mono<Long>> rest = element -> Mono.delay(
        Duration.ofNanos(Math.max(0L, end - scheduler.now(TimeUnit.NANOSECONDS))), scheduler);
    return attemptFlux.timeout(Mono.delay(Duration.ofNanos(nanos), scheduler), rest,
        Flux.error(() -> new Marker(kind)));
  }

  private Mono<T> outcome(int number, Signal<T> signal) {
    Throwable failure = signal.getThrowable();
    return failure != null ? failed(number, failure) : settle(number, signal.get(), null);
  }

  private Mono<T> failed(int number, Throwable failure) {
    if (Marker.is(failure, Marker.Kind.DEADLINE_PASSED)) {
      return deadlinePassed(number);
    }
    if (Marker.is(failure, Marker.Kind.TIMED_OUT)) {
      return settle(number, null, new AttemptTimeoutException(state.targetName(), number,
          Duration.ofNanos(policy.attemptTimeoutNanos())));
    }
    return settle(number, null, failure);
  }

  /** The shared decision; the result is the call's outcome, or a retry signal for the companion. */
  private Mono<T> settle(int number, @Nullable T value, @Nullable Throwable failure) {
    settledAttempt = number;
    long decision = Settlement.afterAttempt(state, number, value, failure, statistics);
    if (decision == CallState.SUCCESS) {
      return Mono.justOrEmpty(value);
    }
    if (decision == CallState.GIVE_UP) {
      return giveUp();
    }
    pendingWaitNanos = decision;
    return Mono.error(new Marker(Marker.Kind.RETRY));
  }

  /** Attempt n was cut short because the deadline passed while it ran. */
  private Mono<T> deadlinePassed(int number) {
    settledAttempt = number;
    state.attemptCutShort(number, null);
    state.endWith(GiveUpReason.DEADLINE_EXCEEDED, null);
    Settlement.record(statistics, state);
    return giveUp();
  }

  private Mono<T> giveUp() {
    try {
      return Mono.justOrEmpty(Settlement.<@Nullable T>giveUp(state));
    } catch (Throwable failure) {
      return Mono.error(failure);
    }
  }

  private Retry companion() {
    return Retry.from(signals -> signals.concatMap(this::backOff));
  }

  /** Waits the decided back-off before the next subscription, or passes the call's error on. */
  private Mono<Long> backOff(Retry.RetrySignal signal) {
    Throwable failure = signal.failure();
    if (!Marker.is(failure, Marker.Kind.RETRY)) {
      return Mono.error(failure);
    }
    long wait = pendingWaitNanos;
    Mono<Long> timer = wait == 0L ? Mono.just(0L) : Mono.delay(Duration.ofNanos(wait), scheduler);
    return timer.doOnNext(ignored -> Settlement.afterSleep(state, wait));
  }

  /**
   * An internal signal inside the operator (retry decided, attempt timer fired, deadline passed);
   * always consumed before reaching the subscriber. No stack trace.
   */
  private static final class Marker extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Kind { RETRY, TIMED_OUT, DEADLINE_PASSED }

    private final Kind kind;

    Marker(Kind kind) {
      super("backon-reactor internal signal: " + kind, null, false, false);
      this.kind = kind;
    }

    static boolean is(Throwable failure, Kind kind) {
      return failure instanceof Marker marker && marker.kind == kind;
    }
  }
}

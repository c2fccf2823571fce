package io.backon.reactor;

import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.RetryStatistics;
import io.backon.breaker.CircuitOpenException;
import io.backon.internal.CallDriver;
import io.backon.internal.GlobalSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.Context;
import reactor.util.context.ContextView;
import reactor.util.retry.Retry;

/**
 * One subscription's retried call, driven through the engine's {@link CallDriver}. Each attempt is
 * a subscription to the source; its outcome is settled with the decision every face shares. A Mono
 * call is a {@link MonoRetryLoop}, which waits the decided back-off on the Reactor scheduler and
 * re-subscribes; a Flux call waits it in {@code retryWhen}'s companion. Reactive Streams' serial
 * signals order every access to the state; cancelling cancels the attempt and the pending wait, and
 * a traced call starts no attempt once cancelled.
 *
 * <p>A Mono attempt of a policy without attempt layers subscribes the source directly; one with
 * layers runs through them (hedging → per copy: breaker → attempt timeout), the same ones every
 * face uses, with their timers on the Reactor scheduler (so virtual time works) and hedged copies
 * subscribed on the thread that launches them; each copy is bridged with {@code toFuture()} (whose
 * cancellation cancels the subscription) and the attempt back with {@code Mono.fromFuture(future,
 * false)}, so cancelling the attempt cancels its copies. A Flux attempt is a stream, which a future
 * cannot carry: it asks the breaker layer for admission and reports to it itself, and times itself
 * with a stream timer. The deadline is a timer around each attempt (set to the time left).
 */
final class ReactorCall<T> implements MonoRetryLoop.Attempts<T> {

  private final Publisher<T> source;
  private final Scheduler scheduler;
  private final CallDriver driver;
  private final ContextView subscriberContext;
  private final boolean restoresObservation;
  private int attempt;
  private int settledAttempt;
  private long pendingWaitNanos;

  ReactorCall(
      RetryPolicy policy,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Publisher<T> source,
      Scheduler scheduler,
      io.backon.time.Scheduler timers,
      @Nullable AtomicReference<RetryStatistics> statistics,
      ContextView subscriberContext) {
    this.source = source;
    this.scheduler = scheduler;
    this.subscriberContext = subscriberContext;
    this.restoresObservation =
        BackonReactor.CONTEXT_PROPAGATION && subscriberContext.hasKey(ObservationPropagation.KEY);
    this.driver =
        new CallDriver(policy, overrides, invocation, source, statistics, timers, Runnable::run);
  }

  /** The call for a Mono: its value, or emptiness as {@code null}, is settled. */
  Mono<T> mono() {
    return new MonoRetryLoop<>(this);
  }

  @Override
  public Mono<T> next() {
    return monoAttempt();
  }

  @Override
  public boolean isRetry(Throwable failure) {
    return Marker.is(failure, Marker.Kind.RETRY);
  }

  @Override
  public long waitNanos() {
    return pendingWaitNanos;
  }

  @Override
  public void slept(long waitNanos) {
    driver.slept(waitNanos);
  }

  @Override
  public Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public void cancelled() {
    if (driver.traced()) {
      driver.cancelled();
    }
  }

  /** The call for a Flux: elements pass through; errors and completion are settled. */
  Flux<T> flux() {
    Flux<T> call = Flux.defer(this::fluxAttempt).retryWhen(companion());
    return driver.traced() ? call.doOnCancel(driver::cancelled) : call;
  }

  private Mono<T> monoAttempt() {
    int number = begin();
    if (number == 0) {
      return Mono.never(); // cancelled meanwhile: the loop cancels it at once
    }
    Mono<T> one = driver.layered() ? throughLayers(number) : Mono.fromDirect(scoped(number));
    long deadlineLeft = driver.deadlineLeftNanos();
    if (deadlineLeft >= 0) {
      one =
          one.timeout(
              Duration.ofNanos(deadlineLeft),
              Mono.error(() -> new Marker(Marker.Kind.DEADLINE_PASSED)),
              scheduler);
    }
    return one.materialize()
        .flatMap(
            signal ->
                inCallersObservation(() -> answered(number, signal.get(), signal.getThrowable())));
  }

  /**
   * Attempt n through the policy's attempt layers: each copy subscribed with {@code toFuture()},
   * the attempt bridged back with {@code Mono.fromFuture(future, false)}.
   */
  private Mono<T> throughLayers(int number) {
    return Mono.deferContextual(
        context ->
            Mono.fromFuture(
                driver
                    .<@Nullable T>attempt(
                        number,
                        () -> Mono.fromDirect(scoped(number)).contextWrite(context).toFuture())
                    .toCompletableFuture(),
                false));
  }

  private Flux<T> fluxAttempt() {
    int number = begin();
    if (number == 0) {
      return Flux.never(); // cancelled meanwhile: retryWhen cancels it at once
    }
    Flux<T> one = scoped(number);
    long timeout = driver.attemptTimeoutNanos();
    long deadlineLeft = driver.deadlineLeftNanos();
    if (deadlineLeft >= 0 && (timeout < 0 || deadlineLeft <= timeout)) {
      one = withTimer(one, deadlineLeft, Marker.Kind.DEADLINE_PASSED);
    } else if (timeout >= 0) {
      one = withTimer(one, timeout, Marker.Kind.TIMED_OUT);
    }
    if (driver.breaks()) {
      one = withBreaker(one, number);
    }
    return one.onErrorResume(failure -> inCallersObservation(() -> answered(number, null, failure)))
        .concatWith(
            Mono.defer(
                () ->
                    settledAttempt == number
                        ? Mono.empty()
                        : inCallersObservation(() -> answered(number, null, null))));
  }

  /**
   * The breaker layer's protocol around one stream attempt: admission before subscribing, then
   * exactly one of success / failure / release (an attempt cut by the deadline, or cancelled,
   * carries no verdict).
   */
  private Flux<T> withBreaker(Flux<T> timed, int number) {
    return Flux.defer(
        () -> {
          CircuitOpenException rejected = driver.admit();
          if (rejected != null) {
            return Flux.error(rejected);
          }
          long start = scheduler.now(TimeUnit.NANOSECONDS);
          AtomicBoolean ended = new AtomicBoolean();
          return timed
              .doOnComplete(
                  () -> {
                    if (ended.compareAndSet(false, true)) {
                      driver.report(scheduler.now(TimeUnit.NANOSECONDS) - start, null, null, false);
                    }
                  })
              .doOnError(
                  failure -> {
                    if (!ended.compareAndSet(false, true)) {
                      return;
                    }
                    boolean cut = Marker.is(failure, Marker.Kind.DEADLINE_PASSED);
                    Throwable recorded =
                        Marker.is(failure, Marker.Kind.TIMED_OUT)
                            ? driver.timedOut(number)
                            : failure;
                    driver.report(scheduler.now(TimeUnit.NANOSECONDS) - start, null, recorded, cut);
                  })
              .doOnCancel(
                  () -> {
                    if (ended.compareAndSet(false, true)) {
                      driver.report(0L, null, null, true);
                    }
                  });
        });
  }

  /**
   * Starts attempt n: the engine's one "start an attempt" step; returns its number, or 0 when the
   * subscriber cancelled the call meanwhile (on another thread).
   */
  private int begin() {
    int number = ++attempt;
    return driver.beginAttempt(number) ? number : 0;
  }

  /**
   * The source for attempt n, with the number (and the instrumented attempt's scope) on the
   * subscribing thread, and the number in the Context.
   */
  private Flux<T> scoped(int number) {
    return new AttemptScope<>(
            source, driver, number, BackonReactor.CONTEXT_PROPAGATION && driver.traced())
        .contextWrite(Context.of(BackonReactor.ATTEMPT_CONTEXT_KEY, number));
  }

  /** Cancels a Flux attempt {@code nanos} after it starts; elements do not restart the timer. */
  private Flux<T> withTimer(Flux<T> attemptFlux, long nanos, Marker.Kind kind) {
    long start = scheduler.now(TimeUnit.NANOSECONDS);
    long end = start + nanos < start ? Long.MAX_VALUE : start + nanos;
    Function<T, Mono<Long>> rest =
        element ->
            Mono.delay(
                Duration.ofNanos(Math.max(0L, end - scheduler.now(TimeUnit.NANOSECONDS))),
                scheduler);
    return attemptFlux.timeout(
        Mono.delay(Duration.ofNanos(nanos), scheduler), rest, Flux.error(() -> new Marker(kind)));
  }

  /**
   * Settles an attempt with the observation of the subscriber's Context current, if it has one: the
   * attempt's outcome arrives on whatever thread the source signalled on, and the back-off and
   * give-up lines, listeners and the fallback then run in the caller's trace (a tracing bridge puts
   * its ids in the MDC), as they do on a blocking caller's thread.
   */
  private Mono<T> inCallersObservation(Supplier<Mono<T>> settlement) {
    return restoresObservation
        ? ObservationPropagation.withObservationOf(subscriberContext, settlement)
        : settlement.get();
  }

  /**
   * Settles attempt n, which ended with {@code value} ({@code null}: empty or a Flux's completion)
   * or {@code failure}, with the decision every face shares.
   *
   * @return the call's value (the attempt's, or the fallback's on a give-up), empty for none, the
   *     call's failure, or a retry signal for the companion
   */
  private Mono<T> answered(int number, @Nullable T value, @Nullable Throwable failure) {
    settledAttempt = number;
    if (Marker.is(failure, Marker.Kind.DEADLINE_PASSED)) {
      driver.deadlinePassed(number);
      return giveUp();
    }
    Throwable outcome =
        Marker.is(failure, Marker.Kind.TIMED_OUT) ? driver.timedOut(number) : failure;
    long decision = driver.settle(number, value, outcome);
    if (decision == CallDriver.SUCCESS) {
      return Mono.justOrEmpty(value);
    }
    if (decision == CallDriver.GIVE_UP) {
      return giveUp();
    }
    pendingWaitNanos = decision;
    return Mono.error(new Marker(Marker.Kind.RETRY));
  }

  private Mono<T> giveUp() {
    try {
      return Mono.justOrEmpty(driver.<@Nullable T>giveUp());
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
    return timer.doOnNext(ignored -> driver.slept(wait));
  }

  /**
   * An internal signal inside the operator (retry decided, attempt timer fired, deadline passed);
   * always consumed before reaching the subscriber. No stack trace.
   */
  private static final class Marker extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Kind {
      RETRY,
      TIMED_OUT,
      DEADLINE_PASSED
    }

    private final Kind kind;

    Marker(Kind kind) {
      super("backon-reactor internal signal: " + kind, null, false, false);
      this.kind = kind;
    }

    static boolean is(@Nullable Throwable failure, Kind kind) {
      return failure instanceof Marker marker && marker.kind == kind;
    }
  }
}

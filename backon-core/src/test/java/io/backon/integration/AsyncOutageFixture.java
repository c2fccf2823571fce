package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.backon.Retrying;
import io.backon.breaker.CircuitState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link OutageFixture} for the future faces: back-off timers that wait until the test fires them
 * (time stands still), attempts after a wait on a small pool, and a downstream whose answers arrive
 * on threads of its own, or never (it hangs) until the call is cancelled.
 */
abstract class AsyncOutageFixture extends OutageFixture {

  static final int CALLERS = 16;

  final PendingTimers timers = new PendingTimers();
  final ExecutorService attemptThreads = Executors.newFixedThreadPool(4);
  final ExecutorService answerThreads = Executors.newFixedThreadPool(4);
  final AtomicBoolean hangs = new AtomicBoolean();
  final List<CompletableFuture<String>> hung = new CopyOnWriteArrayList<>();

  /** One call as its caller holds it: the future, and how often its attempts reached the target. */
  record Call(CompletableFuture<String> future, AtomicInteger reached) {}

  @AfterEach
  void stopThreads() throws InterruptedException {
    attemptThreads.shutdownNow();
    answerThreads.shutdownNow();
    assertThat(attemptThreads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(answerThreads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  Retrying asyncRetrying() {
    return Retrying.of(policy().scheduler(timers).executor(attemptThreads).build());
  }

  /** A request whose answer comes on another thread, or never while the downstream hangs. */
  CompletableFuture<String> requestAsync() {
    CompletableFuture<String> answer = new CompletableFuture<>();
    if (hangs.get()) {
      downstream.invocations.incrementAndGet();
      hung.add(answer);
      return answer;
    }
    answerThreads.execute(
        () -> {
          try {
            answer.complete(downstream.request());
          } catch (ServiceUnavailable e) {
            answer.completeExceptionally(e);
          }
        });
    return answer;
  }

  /** A {@code callAsync} call of the downstream. */
  Call callAsync(Retrying retrying) {
    AtomicInteger reached = new AtomicInteger();
    callsMade.incrementAndGet();
    return new Call(
        retrying.callAsync(
            () -> {
              reached.incrementAndGet();
              return requestAsync();
            }),
        reached);
  }

  /** A {@code supplyAsync} call of the downstream, blocking on an attempt thread. */
  Call supplyAsync(Retrying retrying) {
    AtomicInteger reached = new AtomicInteger();
    callsMade.incrementAndGet();
    return new Call(
        retrying.supplyAsync(
            () -> {
              reached.incrementAndGet();
              return downstream.request();
            }),
        reached);
  }

  /** Every caller starts {@code each} calls at once; returns them, not yet ended. */
  List<Call> start(Callers callers, int each, Supplier<Call> face) throws Exception {
    List<Call> calls = new CopyOnWriteArrayList<>();
    callers.race(
        caller -> {
          for (int i = 0; i < each; i++) {
            calls.add(face.get());
          }
        });
    return calls;
  }

  /** Fires back-off timers until every call ended (within a generous bound), then checks each. */
  void endAll(List<Call> calls) {
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              fireTimers();
              return calls.stream().allMatch(call -> call.future().isDone());
            });
    calls.forEach(this::check);
  }

  /** Fires every pending back-off timer of the face under test. */
  void fireTimers() {
    timers.fireAll();
  }

  /** Back-off timers of the face under test neither fired nor cancelled. */
  long pendingTimers() {
    return timers.pending();
  }

  /** Every back-off delay the face under test asked for, in nanoseconds. */
  List<Long> timerDelays() {
    return timers.delays;
  }

  /** Starts a round of calls and ends them all. */
  void round(Callers callers, int each, Supplier<Call> face) throws Exception {
    endAll(start(callers, each, face));
  }

  private void check(Call call) {
    CompletableFuture<String> future = call.future();
    if (!future.isCompletedExceptionally()) {
      saw(future.join(), null, call.reached().get());
      return;
    }
    Throwable thrown = catchThrowable(future::join);
    Throwable failure = thrown instanceof CompletionException ? thrown.getCause() : thrown;
    saw(null, failure, call.reached().get());
  }

  /**
   * Sixteen callers live an outage: the downstream goes down (the breaker opens), stays down for
   * three rounds of failed trials, then recovers. Afterwards the breaker is closed once and records
   * one verdict per attempt, no timer is left, and breaker, budget and meters add up.
   */
  void liveAnOutage(Supplier<Call> face) throws Exception {
    try (Callers callers = Callers.platformThreads(CALLERS)) {
      downstream.up.set(false);
      round(callers, 20, face);
      assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);

      for (int round = 0; round < 3; round++) {
        clock.advance(RECOVERY);
        round(callers, 5, face);
        assertThat(breaker.state())
            .as("after failed trials, round %d", round)
            .isEqualTo(CircuitState.OPEN);
      }

      downstream.up.set(true);
      clock.advance(RECOVERY);
      round(callers, 10, face);
      long valuesBefore = seen(Seen.VALUE);
      int bufferedBefore = breaker.snapshot().bufferedCalls();
      round(callers, 10, face);
      assertThat(seen(Seen.VALUE) - valuesBefore).isEqualTo(CALLERS * 10);
      assertThat(breaker.snapshot().bufferedCalls() - bufferedBefore)
          .as("verdicts recorded for as many attempts")
          .isEqualTo(CALLERS * 10);
    }

    assertThat(timerDelays())
        .as("back-offs asked for")
        .allMatch(nanos -> nanos == 0 || nanos == BACKOFF.toNanos());
    assertThat(pendingTimers()).as("timers left scheduled").isZero();
    assertRecovered();
    assertTheBooksBalance(callsMade.get());
  }

  /**
   * Callers cancel every third call while the breaker opens (mid-attempt, mid-back-off, or after
   * the end), then every call while the two half-open trials hang: the trials' own futures are
   * cancelled, their permissions come back (the next trials close the breaker), and no timer is
   * left.
   */
  void cancelSomeCallsMidCall(Supplier<Call> face) throws Exception {
    try (Callers callers = Callers.platformThreads(CALLERS)) {
      downstream.up.set(false);
      List<Call> opening = start(callers, 20, face);
      for (int i = 0; i < opening.size(); i += 3) {
        opening.get(i).future().cancel(true);
      }
      endAll(opening);
      assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);

      clock.advance(RECOVERY);
      hangs.set(true);
      List<Call> trials = start(callers, 5, face);
      await().atMost(Duration.ofSeconds(5)).until(() -> hung.size() == 2);
      trials.forEach(call -> call.future().cancel(true));
      endAll(trials);
      assertThat(hung).as("the trials' own futures").allMatch(CompletableFuture::isCancelled);
      assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);

      hangs.set(false);
      downstream.up.set(true);
      round(callers, 10, face);
      round(callers, 10, face);
    }

    assertThat(seen(Seen.CANCELLED)).isPositive();
    assertThat(pendingTimers()).as("timers left scheduled").isZero();
    assertRecovered();
    assertTheBooksBalance(callsMade.get());
  }

  /**
   * Like {@link #cancelSomeCallsMidCall}, with each cancellation at a known point: while the
   * breaker opens, every call still running once all of them wait out a back-off (its timer held)
   * is cancelled there; then every call while the two half-open trials hang, mid-attempt. No timer
   * is left, the trials' permissions come back, and the books balance.
   */
  void cancelCallsDuringABackoffAndDuringAnAttempt(Supplier<Call> face) throws Exception {
    try (Callers callers = Callers.platformThreads(CALLERS)) {
      downstream.up.set(false);
      // Nine calls fail first, fewer than the breaker's minimum of ten: whoever decides first,
      // the breaker is still closed, so those the budget lets retry wait out a back-off (a call
      // deciding after the breaker opened would skip a back-off it cannot use).
      List<Call> opening = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 9; i++) {
        opening.add(face.get());
      }
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  opening.stream().allMatch(call -> call.reached().get() > 0)
                      && pendingTimers() == running(opening).size());
      opening.addAll(start(callers, 5, face));
      await().atMost(Duration.ofSeconds(5)).until(() -> pendingTimers() == running(opening).size());
      List<Call> waiting = running(opening);
      assertThat(waiting).as("calls waiting out a back-off").isNotEmpty();
      waiting.forEach(call -> call.future().cancel(true));
      assertThat(pendingTimers()).as("timers of the cancelled back-offs").isZero();
      endAll(opening);
      assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);

      clock.advance(RECOVERY);
      hangs.set(true);
      List<Call> trials = start(callers, 5, face);
      await().atMost(Duration.ofSeconds(5)).until(() -> hung.size() == 2);
      List<Call> hanging = running(trials);
      assertThat(hanging).as("calls whose trial hangs").hasSize(2);
      hanging.forEach(call -> call.future().cancel(true));
      endAll(trials);
      assertThat(hung).as("the trials' own futures").allMatch(CompletableFuture::isCancelled);
      assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);

      hangs.set(false);
      downstream.up.set(true);
      round(callers, 10, face);
      round(callers, 10, face);
    }

    assertThat(seen(Seen.CANCELLED)).isPositive();
    assertThat(pendingTimers()).as("timers left scheduled").isZero();
    assertRecovered();
    assertTheBooksBalance(callsMade.get());
  }

  private static List<Call> running(List<Call> calls) {
    return calls.stream().filter(call -> !call.future().isDone()).toList();
  }

  long positiveDelays() {
    return timerDelays().stream().filter(nanos -> nanos > 0).count();
  }
}

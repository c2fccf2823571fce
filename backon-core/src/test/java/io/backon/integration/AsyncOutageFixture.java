package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.backon.Retrying;
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
import java.util.function.Function;
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
  List<Call> start(Callers callers, int each, Function<Retrying, Call> face, Retrying retrying)
      throws Exception {
    List<Call> calls = new CopyOnWriteArrayList<>();
    callers.race(
        caller -> {
          for (int i = 0; i < each; i++) {
            calls.add(face.apply(retrying));
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
              timers.fireAll();
              return calls.stream().allMatch(call -> call.future().isDone());
            });
    calls.forEach(this::check);
  }

  /** Starts a round of calls and ends them all. */
  void round(Callers callers, int each, Function<Retrying, Call> face, Retrying retrying)
      throws Exception {
    endAll(start(callers, each, face, retrying));
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

  long positiveDelays() {
    return timers.delays.stream().filter(nanos -> nanos > 0).count();
  }
}

package io.backon.integration;

import io.backon.Retrying;
import io.backon.hedge.HedgingPolicy;
import io.backon.hedge.HedgingPolicyBuilder;
import io.backon.testfixtures.CountingThreadPool;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link PipelineFixture} plus hedging: a pool of real threads for blocking copies (stopped after
 * each test), the hedges launched, async copies the test completes by hand, and a caller thread for
 * blocking calls the test must not wait on.
 */
abstract class HedgedPipelineFixture extends PipelineFixture {

  final CountingThreadPool pool = new CountingThreadPool("integration-copy");
  final List<Integer> hedges = new CopyOnWriteArrayList<>();

  /** The futures handed out by the async target, one per copy, in launch order. */
  final List<CompletableFuture<String>> copies = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopThreads() {
    pool.close();
  }

  /** Real threads and real timers. */
  HedgingPolicyBuilder realHedging(Duration delay) {
    return HedgingPolicy.builder().executor(pool).hedgeDelay(delay).onHedge(hedges::add);
  }

  /** Fake time: the shared manual scheduler and clock, copies started on the calling thread. */
  HedgingPolicyBuilder manualHedging() {
    return HedgingPolicy.builder()
        .clock(clock)
        .scheduler(scheduler)
        .executor(Runnable::run)
        .hedgeDelay(WAIT)
        .onHedge(hedges::add);
  }

  /** A copy that is a fresh future, counted in {@code invocations} and kept in {@link #copies}. */
  CompletableFuture<String> newCopy() {
    invocations.incrementAndGet();
    CompletableFuture<String> copy = new CompletableFuture<>();
    copies.add(copy);
    return copy;
  }

  /** Runs {@code retrying.call(target)} on a new daemon thread; the result completes the future. */
  static CompletableFuture<String> callInBackground(Retrying retrying, Callable<String> target) {
    CompletableFuture<String> call = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                call.complete(retrying.call(target));
              } catch (Throwable failure) {
                call.completeExceptionally(failure);
              }
            },
            "integration-caller");
    caller.setDaemon(true);
    caller.start();
    return call;
  }
}

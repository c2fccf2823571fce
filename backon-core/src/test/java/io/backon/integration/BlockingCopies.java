package io.backon.integration;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A blocking target for hedged calls driven by fake time: copy {@code n} (in the order copies
 * start) signals that it started, then blocks until the test releases it (it answers "copy n") or
 * until it is interrupted (it records that and fails with an IOException the breaker would count).
 * Copies numbered above {@code blockingCopies} answer at once.
 */
final class BlockingCopies implements Callable<String> {

  private static final long PATIENCE_MILLIS = 10_000;

  private final int blockingCopies;
  private final AtomicInteger started = new AtomicInteger();
  private final List<CountDownLatch> startedLatches = new CopyOnWriteArrayList<>();
  private final List<CountDownLatch> releaseLatches = new CopyOnWriteArrayList<>();
  private final List<Integer> interrupted = new CopyOnWriteArrayList<>();
  private final CountDownLatch allInterrupted;

  BlockingCopies(int blockingCopies) {
    this.blockingCopies = blockingCopies;
    for (int i = 0; i < blockingCopies; i++) {
      startedLatches.add(new CountDownLatch(1));
      releaseLatches.add(new CountDownLatch(1));
    }
    this.allInterrupted = new CountDownLatch(blockingCopies);
  }

  @Override
  public String call() throws Exception {
    int n = started.incrementAndGet();
    if (n > blockingCopies) {
      return "copy " + n;
    }
    startedLatches.get(n - 1).countDown();
    try {
      if (!releaseLatches.get(n - 1).await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("copy " + n + " was never released nor interrupted");
      }
      return "copy " + n;
    } catch (InterruptedException e) {
      interrupted.add(n);
      allInterrupted.countDown();
      throw new IOException("copy " + n + " cut short", e);
    }
  }

  /** Waits until copy {@code n} runs its target (its timers, if any, are armed by then). */
  void awaitStarted(int n) throws InterruptedException {
    if (!startedLatches.get(n - 1).await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
      throw new AssertionError("copy " + n + " did not start");
    }
  }

  void release(int n) {
    releaseLatches.get(n - 1).countDown();
  }

  /** Waits until every blocking copy was interrupted; false on timeout. */
  boolean awaitAllInterrupted(Duration patience) throws InterruptedException {
    return allInterrupted.await(patience.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The copies interrupted so far, in order. */
  List<Integer> interrupted() {
    return List.copyOf(interrupted);
  }

  /** How many copies ran the target. */
  int started() {
    return started.get();
  }
}

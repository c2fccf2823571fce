package io.backon.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.Hedging;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * Fixture for deterministic async hedging tests: fake clock, manual scheduler, direct executor, a
 * recording observer, and copies that are futures the test completes by hand.
 */
abstract class AsyncHedgingFixture {

  static final long MS = 1_000_000L;

  final FakeClock clock = new FakeClock();
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final RecordingObserver observer = new RecordingObserver();
  final List<Integer> hedges = new CopyOnWriteArrayList<>();
  final List<CompletableFuture<String>> copies = new CopyOnWriteArrayList<>();

  /**
   * Two copies, 100 ms apart, timers on the manual scheduler, hedges recorded in {@link #hedges}.
   */
  HedgingPolicyBuilder policy() {
    return HedgingPolicy.builder()
        .clock(clock)
        .scheduler(scheduler)
        .executor(Runnable::run)
        .hedgeDelay(Duration.ofMillis(100))
        .onHedge(hedges::add);
  }

  /** A copy that is a fresh future, remembered in {@link #copies}. */
  CompletableFuture<String> newCopy() {
    CompletableFuture<String> copy = new CompletableFuture<>();
    copies.add(copy);
    return copy;
  }

  CompletableFuture<String> call(HedgingPolicyBuilder policy) {
    return Hedging.callAsync(policy.build(), this::newCopy, observer);
  }

  void advance(long millis) {
    scheduler.advance(Duration.ofMillis(millis));
  }

  static Throwable failureOf(CompletableFuture<?> result) {
    Throwable thrown = catchThrowable(result::get);
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    return thrown.getCause();
  }
}

package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import io.backon.hedge.HedgeListener;
import io.backon.hedge.HedgingPolicy;
import io.backon.testfixtures.CountingThreadPool;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sixteen callers of one hedged policy (two copies per attempt, each seen by the breaker) live an
 * outage together, blocking and async: the downstream goes down, stays down through failed trials,
 * then recovers with a slow primary on every call, so that each attempt's other copy wins and the
 * slow one is cancelled. Afterwards no copy runs, every loser was cut short or answered, losers
 * recorded no verdict, the breaker closed once and admits calls, and the meters count one race per
 * attempt and one breaker decision per copy started.
 */
class HedgedOutageSoakTest extends AsyncOutageFixture {

  /**
   * How long a slow primary takes when nobody cancels it (a trial whose other copy was refused).
   */
  private static final Duration SLOW = Duration.ofMillis(250);

  private final CountingThreadPool copyThreads = new CountingThreadPool("hedged-copy");
  private final AtomicInteger hedgesLaunched = new AtomicInteger();
  private final AtomicBoolean slowPrimaries = new AtomicBoolean();
  private final AtomicInteger copiesRunning = new AtomicInteger();
  private final AtomicInteger slowStarted = new AtomicInteger();
  private final AtomicInteger slowAnswered = new AtomicInteger();
  private final AtomicInteger slowCutShort = new AtomicInteger();
  private final List<CompletableFuture<String>> slowFutures = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopCopyThreads() {
    copyThreads.close();
  }

  @Test
  void blockingHedgedCallsCancelTheirLosersAndLeaveTheBooksBalanced() throws Exception {
    Retrying retrying = Retrying.of(hedged(Duration.ZERO).build());
    try (Callers callers = Callers.platformThreads(CALLERS)) {
      liveAHedgedOutage(each -> callers.race(caller -> callHedgedBlocking(retrying, each)));
    }
    assertThat(slowStarted).hasValue(slowCutShort.get() + slowAnswered.get());
    assertTheHedgedBooksBalance();
  }

  @Test
  void asyncHedgedCallsCancelTheirLosersAndLeaveTheBooksBalanced() throws Exception {
    Retrying retrying =
        Retrying.of(
            hedged(Duration.ofMillis(50)).scheduler(timers).executor(attemptThreads).build());
    try (Callers callers = Callers.platformThreads(CALLERS)) {
      liveAHedgedOutage(each -> round(callers, each, () -> callHedgedAsync(retrying)));

      List<Call> cancelledSome = start(callers, 5, () -> callHedgedAsync(retrying));
      for (int i = 0; i < cancelledSome.size(); i += 3) {
        cancelledSome.get(i).future().cancel(true);
      }
      endAll(cancelledSome);
      assertThat(seen(Seen.CANCELLED)).isPositive();
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> slowFutures.stream().allMatch(CompletableFuture::isDone));
    assertThat(slowStarted).hasValue(cancelledSlowPrimaries() + slowAnswered.get());
    assertThat(pendingTimers()).as("back-off and hedge timers left scheduled").isZero();
    assertTheHedgedBooksBalance();
  }

  /** One round of calls: every caller makes {@code each} calls. */
  @FunctionalInterface
  private interface Round {
    void of(int each) throws Exception;
  }

  private void liveAHedgedOutage(Round round) throws Exception {
    downstream.up.set(false);
    round.of(20);
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);

    for (int i = 0; i < 3; i++) {
      clock.advance(RECOVERY);
      round.of(5);
      assertThat(breaker.state())
          .as("after failed trials, round %d", i)
          .isEqualTo(CircuitState.OPEN);
    }

    downstream.up.set(true);
    slowPrimaries.set(true);
    clock.advance(RECOVERY);
    round.of(10);
    assertNoCopyRuns();
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

    slowPrimaries.set(false); // the primaries' answers refill the budget that hedges need
    round.of(10);
    assertThat(budget.tokens()).isEqualTo((double) budget.maxTokens());

    slowPrimaries.set(true);
    int cancelledBefore = cancelledSlowPrimaries();
    long launchedBefore = copiesLaunched();
    long ranBefore = copiesThatRan();
    long valuesBefore = seen(Seen.VALUE);
    int bufferedBefore = breaker.snapshot().bufferedCalls();
    round.of(10);
    assertNoCopyRuns();
    assertThat(seen(Seen.VALUE) - valuesBefore).isEqualTo(CALLERS * 10);
    assertThat(breaker.snapshot().bufferedCalls() - bufferedBefore)
        .as("verdicts: the winners only, the cancelled losers none")
        .isEqualTo(CALLERS * 10);
    assertThat(copiesThatRan() - ranBefore)
        .as("copies that ran with slow primaries: every one launched")
        .isEqualTo(copiesLaunched() - launchedBefore);
    assertThat(cancelledSlowPrimaries() - cancelledBefore)
        .as("slow primaries cancelled once their hedge won")
        .isPositive();
    assertRecovered();
  }

  /** Every copy's target has returned and the breaker heard from it (within a generous bound). */
  private void assertNoCopyRuns() {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> copiesRunning.get() == 0 && copyThreads.running() == 0);
  }

  /** The fixture's policy with two copies per attempt launched {@code hedgeDelay} apart. */
  private RetryPolicyBuilder hedged(Duration hedgeDelay) {
    HedgeListener counting = hedgeNumber -> hedgesLaunched.incrementAndGet();
    return policy()
        .hedging(
            HedgingPolicy.builder()
                .maxHedges(2)
                .hedgeDelay(hedgeDelay)
                .clock(clock)
                .scheduler(timers)
                .executor(copyThreads)
                .onHedge(counting)
                .build());
  }

  private void callHedgedBlocking(Retrying retrying, int count) {
    for (int i = 0; i < count; i++) {
      AtomicInteger reached = new AtomicInteger();
      callsMade.incrementAndGet();
      try {
        saw(retrying.call(() -> blockingCopy(reached)), null, reached.get());
      } catch (Exception failure) {
        saw(null, failure, reached.get());
      }
    }
  }

  /** A copy: the first to reach a recovered downstream in a call is slow, the others answer. */
  private String blockingCopy(AtomicInteger reached) throws Exception {
    copiesRunning.incrementAndGet();
    try {
      if (reached.incrementAndGet() == 1 && slowPrimaries.get()) {
        return slowAnswer();
      }
      return downstream.request();
    } finally {
      copiesRunning.decrementAndGet();
    }
  }

  private String slowAnswer() throws ServiceUnavailable {
    downstream.invocations.incrementAndGet();
    slowStarted.incrementAndGet();
    try {
      Thread.sleep(SLOW.toMillis());
    } catch (InterruptedException cut) {
      slowCutShort.incrementAndGet();
      throw new ServiceUnavailable(); // a failure the breaker would count, were it asked
    }
    slowAnswered.incrementAndGet();
    downstream.answered.incrementAndGet();
    return Downstream.OK;
  }

  private Call callHedgedAsync(Retrying retrying) {
    AtomicInteger reached = new AtomicInteger();
    callsMade.incrementAndGet();
    return new Call(retrying.callAsync(() -> asyncCopy(reached)), reached);
  }

  private CompletableFuture<String> asyncCopy(AtomicInteger reached) {
    if (reached.incrementAndGet() != 1 || !slowPrimaries.get()) {
      return requestAsync();
    }
    downstream.invocations.incrementAndGet();
    slowStarted.incrementAndGet();
    CompletableFuture<String> slow = new CompletableFuture<>();
    slowFutures.add(slow);
    CompletableFuture.delayedExecutor(SLOW.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              if (!slow.isDone()) {
                slowAnswered.incrementAndGet();
                downstream.answered.incrementAndGet();
                slow.complete(Downstream.OK);
              }
            });
    return slow;
  }

  /**
   * A hedged call's failure is the last copy's, the others suppressed: the target's failure or a
   * rejection, each carrying only target failures and rejections.
   */
  @Override
  void saw(@Nullable Object value, @Nullable Throwable failure, int reachedTarget) {
    Seen kind;
    if (failure == null) {
      assertThat(value).isEqualTo(Downstream.OK);
      kind = Seen.VALUE;
    } else if (failure instanceof CancellationException) {
      kind = Seen.CANCELLED;
    } else {
      assertThat(failure).isInstanceOfAny(ServiceUnavailable.class, CircuitOpenException.class);
      assertThat(failure.getSuppressed())
          .allMatch(s -> s instanceof ServiceUnavailable || s instanceof CircuitOpenException);
      if (failure instanceof ServiceUnavailable) {
        assertThat(reachedTarget).isPositive();
        kind = Seen.TARGET_FAILURE;
      } else {
        kind =
            reachedTarget == 0
                ? Seen.REJECTED_BEFORE_REACHING_TARGET
                : Seen.REJECTED_AFTER_TARGET_FAILURE;
      }
    }
    seen.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /**
   * The books of a hedged outage: every call metered once; one race outcome per attempt, the won
   * ones being the successful attempts, each answered by the downstream; every copy started (each
   * attempt's primary and each hedge launched) either reached the downstream or was rejected by the
   * breaker.
   */
  private void assertTheHedgedBooksBalance() {
    assertThat(callsSeen()).as("calls that ended").isEqualTo(callsMade.get());
    assertThat(meteredCalls()).as("backon.calls over all outcomes").isEqualTo(callsMade.get());
    long attempts = meteredAttempts(null);
    assertThat(meteredHedges(null)).as("backon.hedges: one race per attempt").isEqualTo(attempts);
    assertThat(meteredHedges("primary_won") + meteredHedges("hedge_won"))
        .as("races won")
        .isEqualTo(meteredAttempts("success"));
    assertThat(downstream.answered.get() - meteredAttempts("success"))
        .as("answers that came too late to win (both copies of a race can answer)")
        .isBetween(0L, (long) hedgesLaunched.get());
    assertThat(copiesThatRan())
        .as(
            "copies that reached the downstream or were rejected: a hedge may be cancelled before it"
                + " runs when the other copy won first")
        .isBetween(attempts, copiesLaunched())
        .isGreaterThanOrEqualTo(copiesLaunched() - meteredAttempts("success"));
    assertThat(budget.tokens()).isBetween(0.0, (double) budget.maxTokens());
  }

  /** Slow primaries cut short: blocking ones interrupted, async ones whose future was cancelled. */
  private int cancelledSlowPrimaries() {
    return slowCutShort.get()
        + (int) slowFutures.stream().filter(CompletableFuture::isCancelled).count();
  }

  /** Every attempt's primary and each hedge launched. */
  private long copiesLaunched() {
    return meteredAttempts(null) + hedgesLaunched.get();
  }

  /** Copies that asked the breaker: those that reached the downstream and those it rejected. */
  private long copiesThatRan() {
    return downstream.invocations.get() + breaker.snapshot().rejectedCalls();
  }

  private long meteredHedges(@Nullable String outcome) {
    var search = meters.find("backon.hedges").tag("name", POLICY);
    if (outcome != null) {
      search = search.tag("outcome", outcome);
    }
    return Math.round(search.counters().stream().mapToDouble(Counter::count).sum());
  }
}

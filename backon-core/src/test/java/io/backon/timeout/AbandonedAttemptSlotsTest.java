package io.backon.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.AttemptTimeoutException;
import io.backon.AttemptsStillRunningException;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.hedge.HedgingPolicy;
import io.backon.testfixtures.CountingThreadPool;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code supplyAsync} targets that ignore their interrupt keep running after their attempt timed
 * out; a call never has more of them running than its slots ({@code maxHedges}, 1 without hedging):
 * a retry waits for the abandoned target to end, or fails at once when the policy says so. Timeouts
 * run in fake time; targets run on real threads, released by the test.
 */
class AbandonedAttemptSlotsTest {

  private static final Duration TIMEOUT = Duration.ofMillis(100);

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final CountingThreadPool pool = new CountingThreadPool("abandoned");
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger targetsStarted = new AtomicInteger();
  private final AtomicInteger targetsRunning = new AtomicInteger();
  private final AtomicInteger mostTargetsRunning = new AtomicInteger();
  private final AtomicInteger attemptsBegun = new AtomicInteger();

  @AfterEach
  void stopThreads() {
    release.countDown();
    pool.close();
  }

  private RetryPolicyBuilder policy() {
    return RetryPolicy.builder()
        .clock(clock)
        .scheduler(scheduler)
        .executor(pool)
        .wait(Wait.none())
        .jitter(Jitter.none())
        .attemptTimeout(TIMEOUT)
        .before(event -> attemptsBegun.incrementAndGet())
        .backoffLogLevel(Level.OFF)
        .giveUpLogLevel(Level.OFF);
  }

  /** A target that ignores interrupts until the test releases it; later calls return at once. */
  private String stubborn() {
    int number = targetsStarted.incrementAndGet();
    mostTargetsRunning.accumulateAndGet(targetsRunning.incrementAndGet(), Math::max);
    try {
      if (number == 1) {
        awaitReleaseIgnoringInterrupts();
        return "late";
      }
      return "fresh";
    } finally {
      targetsRunning.decrementAndGet();
    }
  }

  /** A target that always ignores interrupts until the test releases it. */
  private String alwaysStubborn() {
    targetsStarted.incrementAndGet();
    mostTargetsRunning.accumulateAndGet(targetsRunning.incrementAndGet(), Math::max);
    try {
      awaitReleaseIgnoringInterrupts();
      return "late";
    } finally {
      targetsRunning.decrementAndGet();
    }
  }

  private void awaitReleaseIgnoringInterrupts() {
    while (true) {
      try {
        release.await();
        return;
      } catch (InterruptedException ignored) {
        // the attempt timeout's interrupt, ignored as a stubborn client library would
      }
    }
  }

  /** Times out the running attempt, then waits until the next one has begun. */
  private void timeOutAttempt(int next) {
    scheduler.advance(TIMEOUT);
    await().atMost(Duration.ofSeconds(10)).until(() -> attemptsBegun.get() >= next);
  }

  @Test
  void aRetryWaitsForTheAbandonedTargetAndTimesOutWithoutStartingAnother() throws Exception {
    Retrying retrying = Retrying.of(policy().maxTries(3).build());

    CompletableFuture<String> result = retrying.supplyAsync(this::stubborn);
    await().atMost(Duration.ofSeconds(10)).until(() -> targetsStarted.get() == 1);
    timeOutAttempt(2);
    timeOutAttempt(3);
    scheduler.advance(TIMEOUT);

    await().atMost(Duration.ofSeconds(10)).until(result::isDone);
    assertThat(result)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(AttemptTimeoutException.class);
    assertThat(targetsStarted).as("targets started for three attempts").hasValue(1);
    assertThat(targetsRunning).as("the abandoned target still runs").hasValue(1);
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> targetsRunning.get() == 0);
    assertThat(targetsStarted).as("nothing started once the slot was free").hasValue(1);
  }

  @Test
  void aWaitingRetryStartsItsTargetAsSoonAsTheAbandonedOneEnds() throws Exception {
    Retrying retrying = Retrying.of(policy().maxTries(2).build());

    CompletableFuture<String> result = retrying.supplyAsync(this::stubborn);
    await().atMost(Duration.ofSeconds(10)).until(() -> targetsStarted.get() == 1);
    timeOutAttempt(2);
    assertThat(targetsStarted).as("the retry waits for the slot").hasValue(1);
    release.countDown();

    assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("fresh");
    assertThat(targetsStarted).hasValue(2);
    assertThat(mostTargetsRunning).as("targets of the call running at once").hasValue(1);
  }

  @Test
  void aPolicyThatDoesNotWaitEndsTheCallAtOnceWithoutRetryingAgain() throws Exception {
    Retrying retrying = Retrying.of(policy().maxTries(5).waitForAbandonedAttempts(false).build());

    CompletableFuture<String> result = retrying.supplyAsync(this::stubborn);
    await().atMost(Duration.ofSeconds(10)).until(() -> targetsStarted.get() == 1);
    scheduler.advance(TIMEOUT);

    await().atMost(Duration.ofSeconds(10)).until(result::isDone);
    assertThat(result)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            AttemptsStillRunningException.class,
            e -> {
              assertThat(e.running()).isEqualTo(1);
              assertThat(e).hasMessageContaining("still running");
            });
    assertThat(attemptsBegun)
        .as("attempt 2 began, found the slot taken and ended the call")
        .hasValue(2);
    assertThat(targetsStarted).hasValue(1);
  }

  @Test
  void hedgedCopiesNeverOutnumberMaxHedgesAcrossRetries() throws Exception {
    HedgingPolicy hedging =
        HedgingPolicy.builder()
            .maxHedges(2)
            .hedgeDelay(Duration.ofMillis(10))
            .scheduler(scheduler)
            .clock(clock)
            .executor(pool)
            .build();
    Retrying retrying = Retrying.of(policy().hedging(hedging).maxTries(3).build());

    CompletableFuture<String> result = retrying.supplyAsync(this::alwaysStubborn);
    await().atMost(Duration.ofSeconds(10)).until(() -> targetsStarted.get() == 1);
    scheduler.advance(Duration.ofMillis(10));
    await().atMost(Duration.ofSeconds(10)).until(() -> targetsStarted.get() == 2);
    for (int step = 0; step < 100 && !result.isDone(); step++) {
      scheduler.advance(Duration.ofMillis(10));
      // retries start on the pool: wait until the next attempt has armed its timer
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> result.isDone() || scheduler.pendingTasks() > 0);
    }

    assertThat(result).isDone();
    assertThat(result).isCompletedExceptionally();
    assertThat(targetsStarted).as("copies started over three attempts").hasValue(2);
    assertThat(mostTargetsRunning).hasValue(2);
  }

  @Test
  void manyCallsWithStubbornTargetsRunAtMostOneTargetEach() throws Exception {
    int calls = 50;
    Retrying retrying = Retrying.of(policy().maxTries(3).build());
    List<CompletableFuture<String>> results = new ArrayList<>();
    int threadsBefore = Thread.activeCount();

    for (int i = 0; i < calls; i++) {
      results.add(retrying.supplyAsync(this::alwaysStubborn));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> targetsStarted.get() == calls);
    for (int attempt = 2; attempt <= 3; attempt++) {
      int begun = calls * attempt;
      scheduler.advance(TIMEOUT);
      await().atMost(Duration.ofSeconds(10)).until(() -> attemptsBegun.get() >= begun);
    }
    scheduler.advance(TIMEOUT);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> results.stream().allMatch(CompletableFuture::isDone));
    int threadsDuring = Thread.activeCount();
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> targetsRunning.get() == 0);

    assertThat(targetsStarted)
        .as("targets started by %d calls of 3 attempts", calls)
        .hasValue(calls);
    assertThat(mostTargetsRunning.get()).isLessThanOrEqualTo(calls);
    assertThat(threadsDuring - threadsBefore)
        .as("threads added: one per abandoned target, plus pool threads starting retries")
        .isLessThan(2 * calls);
  }

  @Test
  void callsAfterAnAbandoningCallWaitForItsTargetInsteadOfPilingUpThreads() throws Exception {
    Retrying retrying = Retrying.of(policy().maxTries(1).build());
    int threadsBefore = Thread.activeCount();

    CompletableFuture<String> first = retrying.supplyAsync(this::alwaysStubborn);
    await().atMost(Duration.ofSeconds(10)).until(() -> targetsStarted.get() == 1);
    scheduler.advance(TIMEOUT);
    await().atMost(Duration.ofSeconds(10)).until(first::isDone);
    assertThat(first).isCompletedExceptionally();
    List<CompletableFuture<String>> later = new ArrayList<>();
    for (int call = 0; call < 20; call++) {
      later.add(retrying.supplyAsync(this::alwaysStubborn));
      scheduler.advance(TIMEOUT);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> later.stream().allMatch(CompletableFuture::isDone));
    int threadsDuring = Thread.activeCount();

    assertThat(later)
        .as("each later call timed out waiting for the slot the first call's target holds")
        .allSatisfy(
            result ->
                assertThat(result)
                    .failsWithin(Duration.ZERO)
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(AttemptTimeoutException.class));
    assertThat(targetsStarted).as("targets started by 21 calls").hasValue(1);
    assertThat(targetsRunning).as("the abandoned target still runs").hasValue(1);
    assertThat(threadsDuring - threadsBefore)
        .as("threads added: the abandoned target's, not one per call")
        .isLessThanOrEqualTo(2);
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> targetsRunning.get() == 0);

    assertThat(retrying.supplyAsync(() -> "fresh").get(10, TimeUnit.SECONDS))
        .as("once the abandoned target ended, the next call runs at once")
        .isEqualTo("fresh");
  }

  @Test
  void aCallThatDoesNotWaitFailsAtOnceWhileAnEndedCallsTargetStillRuns() throws Exception {
    Retrying retrying = Retrying.of(policy().maxTries(1).waitForAbandonedAttempts(false).build());
    CompletableFuture<String> first = retrying.supplyAsync(this::alwaysStubborn);
    await().atMost(Duration.ofSeconds(10)).until(() -> targetsStarted.get() == 1);
    scheduler.advance(TIMEOUT);
    await().atMost(Duration.ofSeconds(10)).until(first::isDone);

    CompletableFuture<String> second = retrying.supplyAsync(this::alwaysStubborn);

    assertThat(second)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            AttemptsStillRunningException.class, e -> assertThat(e.running()).isEqualTo(1));
    assertThat(targetsStarted).hasValue(1);
  }

  @Test
  void concurrentCallsEachGetTheirShareOfSlots() throws Exception {
    Retrying retrying = Retrying.of(policy().maxTries(1).build());

    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int call = 0; call < 5; call++) {
      calls.add(retrying.supplyAsync(this::alwaysStubborn));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> targetsStarted.get() == 5);
    release.countDown();
    for (CompletableFuture<String> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("late");
    }
    assertThat(mostTargetsRunning).as("one target per call in flight").hasValue(5);
  }

  /** Odd-numbered targets ignore interrupts until the test releases them; even ones answer. */
  private String oddTargetsStubborn() {
    int number = targetsStarted.incrementAndGet();
    mostTargetsRunning.accumulateAndGet(targetsRunning.incrementAndGet(), Math::max);
    try {
      if (number % 2 == 1) {
        awaitReleaseIgnoringInterrupts();
        return "late";
      }
      return "fresh";
    } finally {
      targetsRunning.decrementAndGet();
    }
  }

  @Test
  void aBlockingCallsLosingCopyKeepsItsSlotSoTheNextCallCannotPileUpCopies() throws Exception {
    HedgingPolicy hedging =
        HedgingPolicy.builder()
            .maxHedges(2)
            .hedgeDelay(Duration.ofMillis(10))
            .scheduler(scheduler)
            .clock(clock)
            .executor(pool)
            .build();
    Retrying retrying = Retrying.of(policy().hedging(hedging).maxTries(1).build());
    ExecutorService callers = Executors.newSingleThreadExecutor();
    try {
      Future<String> first = callers.submit(() -> retrying.call(this::oddTargetsStubborn));
      await().atMost(Duration.ofSeconds(10)).until(() -> targetsStarted.get() == 1);
      scheduler.advance(Duration.ofMillis(10));
      assertThat(first.get(10, TimeUnit.SECONDS)).as("the hedged copy won").isEqualTo("fresh");
      assertThat(targetsRunning).as("the losing copy ignores its interrupt").hasValue(1);

      Future<String> second = callers.submit(() -> retrying.call(this::oddTargetsStubborn));
      await().atMost(Duration.ofSeconds(10)).until(() -> targetsStarted.get() == 3);
      scheduler.advance(Duration.ofMillis(10));

      assertThat(second).as("its hedge waits for a slot").isNotDone();
      assertThat(targetsStarted)
          .as("the second call's hedge did not start beside two running copies")
          .hasValue(3);
      release.countDown();
      assertThat(second.get(10, TimeUnit.SECONDS)).isIn("late", "fresh");
      assertThat(mostTargetsRunning)
          .as("copies running at once: maxHedges for the one call in flight")
          .hasValue(2);
    } finally {
      callers.shutdownNow();
    }
  }
}

package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.stop.Stop;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingTest {

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);

  private RetryPolicyBuilder policy() {
    return RetryPolicy.builder().clock(clock).sleeper(sleeper).jitter(Jitter.none());
  }

  @Test
  void returnsTheFirstValueWithoutRetrying() throws Exception {
    FlakyTarget<String> target = FlakyTarget.failingThen("ok");

    assertThat(Retrying.of(policy().build()).call(target)).isEqualTo("ok");
    assertThat(target.calls()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void retriesUntilTheTargetSucceeds() throws Exception {
    FlakyTarget<String> target =
        FlakyTarget.failingThen("ok", new IOException("one"), new IOException("two"));

    assertThat(Retrying.of(policy().maxTries(5).build()).call(target)).isEqualTo("ok");
    assertThat(target.calls()).isEqualTo(3);
  }

  @Test
  void makesThreeAttemptsByDefaultThenThrowsTheLastFailureUnwrapped() {
    IOException last = new IOException("down");
    FlakyTarget<String> target =
        FlakyTarget.failingThen("never", new IOException("a"), new IOException("b"), last);

    assertThatThrownBy(() -> Retrying.of(policy().build()).call(target)).isSameAs(last);
    assertThat(target.calls()).isEqualTo(3);
  }

  @Test
  void waitsFollowTheStrategyWithoutJitter() throws Exception {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException("down"));

    assertThatThrownBy(() -> Retrying.of(policy().maxTries(4).build()).call(target))
        .isInstanceOf(IOException.class);
    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void fullJitterIsTheDefaultAndStaysWithinTheStrategyWait() {
    RetryPolicy jittered =
        RetryPolicy.builder()
            .clock(clock)
            .sleeper(sleeper)
            .maxTries(4)
            .random(new java.util.Random(42))
            .build();

    assertThatThrownBy(
            () -> Retrying.of(jittered).call(FlakyTarget.alwaysFailing(new IOException())))
        .isInstanceOf(IOException.class);
    List<Duration> sleeps = sleeper.sleeps();
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
    assertThat(sleeps.get(2)).isBetween(Duration.ZERO, Duration.ofSeconds(4));
    assertThat(sleeps)
        .doesNotContainSequence(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void neverRetriesAnErrorByDefault() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                Retrying.of(policy().build())
                    .call(
                        () -> {
                          calls.incrementAndGet();
                          throw new StackOverflowError("deep");
                        }))
        .isInstanceOf(StackOverflowError.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aFailureOutsideRetryOnEndsTheCallAtOnce() {
    IllegalStateException bug = new IllegalStateException("bug");
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(bug);

    assertThatThrownBy(() -> Retrying.of(policy().retryOn(IOException.class).build()).call(target))
        .isSameAs(bug);
    assertThat(target.calls()).isEqualTo(1);
  }

  @Test
  void abortOnTypesWinOverRetryableFailures() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new SocketTimeoutException("slow"));

    assertThatThrownBy(
            () -> Retrying.of(policy().abortOn(SocketTimeoutException.class).build()).call(target))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(target.calls()).isEqualTo(1);
  }

  @Test
  void contradictoryRetryOnAndAbortOnAreRejectedAtBuildTime() {
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .retryOn(SocketTimeoutException.class)
                    .abortOn(IOException.class)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "retryOn java.net.SocketTimeoutException can never be retried because abortOn "
                + "java.io.IOException covers it; remove one of them");
  }

  @Test
  void giveUpIfEndsTheCallOnAMatchingFailure() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException("401 unauthorized"));
    List<GiveUpReason> reasons = new java.util.ArrayList<>();

    assertThatThrownBy(
            () ->
                Retrying.of(
                        policy()
                            .giveUpIf(e -> e.getMessage().startsWith("401"))
                            .onGiveUp(e -> reasons.add(e.giveUpReason()))
                            .build())
                    .call(target))
        .hasMessage("401 unauthorized");
    assertThat(target.calls()).isEqualTo(1);
    assertThat(reasons).containsExactly(GiveUpReason.GIVE_UP_PREDICATE);
  }

  @Test
  void waitOverrideReplacesStrategyAndJitterForThatWait() {
    RetryPolicy withRetryAfter =
        RetryPolicy.builder()
            .clock(clock)
            .sleeper(sleeper)
            .maxTries(3)
            .waitOverride(e -> e instanceof RetryAfter r ? r.after : null)
            .build();

    assertThatThrownBy(
            () ->
                Retrying.of(withRetryAfter)
                    .call(
                        FlakyTarget.failingThen(
                            "x",
                            new RetryAfter(Duration.ofSeconds(7)),
                            new RetryAfter(Duration.ofSeconds(3)),
                            new RetryAfter(Duration.ofSeconds(9)))))
        .isInstanceOf(RetryAfter.class);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
  }

  @Test
  void maxTimeShortensTheLastSleepSoNoAttemptStartsLate() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException());
    List<GiveUpReason> reasons = new java.util.ArrayList<>();
    RetryPolicy limited =
        policy()
            .wait(Wait.constant(Duration.ofSeconds(4)))
            .maxTime(Duration.ofSeconds(10))
            .onGiveUp(e -> reasons.add(e.giveUpReason()))
            .build();

    assertThatThrownBy(() -> Retrying.of(limited).call(target)).isInstanceOf(IOException.class);
    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(2));
    assertThat(target.calls()).isEqualTo(4);
    assertThat(reasons).containsExactly(GiveUpReason.MAX_TIME);
  }

  @Test
  void maxTimeCountsTheTimeSpentInAttempts() {
    AtomicInteger calls = new AtomicInteger();
    RetryPolicy limited = policy().wait(Wait.none()).maxTime(Duration.ofSeconds(10)).build();

    assertThatThrownBy(
            () ->
                Retrying.of(limited)
                    .call(
                        () -> {
                          calls.incrementAndGet();
                          clock.advance(Duration.ofSeconds(4));
                          throw new IOException();
                        }))
        .isInstanceOf(IOException.class);
    assertThat(calls).hasValue(3);
  }

  @Test
  void stopNeverRetriesUntilSuccess() throws Exception {
    IOException[] failures = new IOException[50];
    java.util.Arrays.setAll(failures, i -> new IOException("failure " + i));
    FlakyTarget<String> target = FlakyTarget.failingThen("finally", failures);

    assertThat(Retrying.of(policy().wait(Wait.none()).stop(Stop.never()).build()).call(target))
        .isEqualTo("finally");
    assertThat(target.calls()).isEqualTo(51);
  }

  @Test
  void customStopSeesTheUpcomingWait() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException());
    List<GiveUpReason> reasons = new java.util.ArrayList<>();
    RetryPolicy policy =
        policy()
            .stop(Stop.beforeDelay(Duration.ofSeconds(5)))
            .onGiveUp(e -> reasons.add(e.giveUpReason()))
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(target)).isInstanceOf(IOException.class);
    // waits 1 s, 2 s; the next (4 s) would end at 7 s >= 5 s
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(reasons).containsExactly(GiveUpReason.STOP_CONDITION);
  }

  @Test
  void aFiniteWaitSequenceEndsRetryingWhenItRunsOut() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException());
    List<GiveUpReason> reasons = new java.util.ArrayList<>();
    RetryPolicy policy =
        policy()
            .stop(Stop.never())
            .wait(Wait.constant(Duration.ofMillis(100), Duration.ofMillis(200)))
            .onGiveUp(e -> reasons.add(e.giveUpReason()))
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(target)).isInstanceOf(IOException.class);
    assertThat(target.calls()).isEqualTo(3);
    assertThat(reasons).containsExactly(GiveUpReason.WAIT_EXHAUSTED);
    assertThat(GiveUpReason.WAIT_EXHAUSTED.description()).isEqualTo("wait exhausted");
  }

  @Test
  void maxTriesSupplierIsReadForEveryCall() {
    AtomicInteger limit = new AtomicInteger(2);
    Retrying retrying = Retrying.of(policy().wait(Wait.none()).maxTries(limit::get).build());
    FlakyTarget<String> first = FlakyTarget.alwaysFailing(new IOException());
    FlakyTarget<String> second = FlakyTarget.alwaysFailing(new IOException());

    assertThatThrownBy(() -> retrying.call(first)).isInstanceOf(IOException.class);
    limit.set(4);
    assertThatThrownBy(() -> retrying.call(second)).isInstanceOf(IOException.class);

    assertThat(first.calls()).isEqualTo(2);
    assertThat(second.calls()).isEqualTo(4);
  }

  @Test
  void aMaxTriesSupplierReturningZeroIsReportedClearly() {
    Retrying retrying = Retrying.of(policy().name("orders").maxTries(() -> 0).build());

    assertThatThrownBy(() -> retrying.call(FlakyTarget.alwaysFailing(new IOException())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxTries supplier of policy 'orders' returned 0; it must return >= 1");
  }

  @Test
  void retriesRejectedValuesAndReturnsTheAcceptedOne() throws Exception {
    FlakyTarget<Object> target = FlakyTarget.returning(null, null, "ready");

    Object value =
        Retrying.of(policy().wait(Wait.none()).maxTries(5).retryIfResult(v -> v == null).build())
            .call(target);

    assertThat(value).isEqualTo("ready");
    assertThat(target.calls()).isEqualTo(3);
  }

  @Test
  void givingUpOnARejectedValueThrowsRetriesExhausted() {
    FlakyTarget<Object> target = FlakyTarget.returning("pending");

    assertThatThrownBy(
            () ->
                Retrying.of(policy().wait(Wait.none()).retryIfResult("pending"::equals).build())
                    .call(target))
        .isInstanceOfSatisfying(
            RetriesExhaustedException.class,
            e -> {
              assertThat(e.lastValue()).isEqualTo("pending");
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.reason()).isEqualTo(GiveUpReason.MAX_TRIES);
              assertThat(e).hasMessageContaining("after 3 attempts (max tries reached)");
            });
  }

  @Test
  void withoutRaisingGivingUpReturnsTheLastValue() throws Exception {
    Object value =
        Retrying.of(
                policy()
                    .wait(Wait.none())
                    .raiseOnGiveUp(false)
                    .retryIfResult("pending"::equals)
                    .build())
            .call(FlakyTarget.returning("pending"));

    assertThat(value).isEqualTo("pending");
  }

  @Test
  void withoutRaisingGivingUpAfterAFailureReturnsNull() throws Exception {
    Object value =
        Retrying.of(policy().wait(Wait.none()).raiseOnGiveUp(false).build())
            .call(FlakyTarget.alwaysFailing(new IOException()));

    assertThat(value).isNull();
  }

  @Test
  void aFallbackSuppliesTheValueOnGivingUp() throws Exception {
    IOException last = new IOException("down");
    RetryPolicy policy =
        policy()
            .wait(Wait.none())
            .fallback(
                giveUp ->
                    "cached after " + giveUp.attemptNumber() + ": " + giveUp.failure().getMessage())
            .build();

    assertThat(Retrying.of(policy).<String>call(FlakyTarget.alwaysFailing(last)))
        .isEqualTo("cached after 3: down");
  }

  @Test
  void aThrowingFallbackKeepsTheLastFailureAsSuppressed() {
    IOException last = new IOException("down");
    IllegalStateException noCache = new IllegalStateException("no cache");
    RetryPolicy policy =
        policy()
            .wait(Wait.none())
            .fallback(
                giveUp -> {
                  throw noCache;
                })
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(FlakyTarget.alwaysFailing(last)))
        .isSameAs(noCache);
    assertThat(noCache.getSuppressed()).containsExactly(last);
  }

  @Test
  void anInterruptDuringBackoffStopsRetryingAndRethrowsTheLastFailure() {
    IOException last = new IOException("down");
    AtomicInteger calls = new AtomicInteger();
    RetryPolicy policy =
        policy()
            .maxTries(10)
            .sleeper(
                nanos -> {
                  throw new InterruptedException("shutdown");
                })
            .build();

    try {
      assertThatThrownBy(
              () ->
                  Retrying.of(policy)
                      .call(
                          () -> {
                            calls.incrementAndGet();
                            throw last;
                          }))
          .isSameAs(last);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(last.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
      assertThat(calls).hasValue(1);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anInterruptSkipsTheFallback() {
    IOException last = new IOException("down");
    RetryPolicy policy =
        policy()
            .fallback(e -> "fallback")
            .sleeper(
                nanos -> {
                  throw new InterruptedException();
                })
            .build();

    try {
      assertThatThrownBy(() -> Retrying.of(policy).call(FlakyTarget.alwaysFailing(last)))
          .isSameAs(last);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anInterruptedExceptionFromTheTargetIsNotRetried() {
    InterruptedException interrupted = new InterruptedException("cancelled");
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(interrupted);

    assertThatThrownBy(() -> Retrying.of(policy().build()).call(target)).isSameAs(interrupted);
    assertThat(target.calls()).isEqualTo(1);
  }

  @Test
  void aDisabledPolicyCallsTheTargetExactlyOnce() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException());
    Retrying retrying = Retrying.of(policy().build()).withEnabled(false);

    assertThatThrownBy(() -> retrying.call(target)).isInstanceOf(IOException.class);
    assertThat(target.calls()).isEqualTo(1);
    assertThat(retrying.isEnabled()).isFalse();
  }

  @Test
  void theGlobalToggleMakesEveryCallRunOnce() {
    FlakyTarget<String> target = FlakyTarget.alwaysFailing(new IOException());
    Retries.disable();
    try {
      assertThatThrownBy(() -> Retrying.of(policy().build()).call(target))
          .isInstanceOf(IOException.class);
      assertThat(target.calls()).isEqualTo(1);
      assertThat(Retries.isEnabled()).isFalse();
    } finally {
      Retries.enable();
    }
    assertThat(Retries.isEnabled()).isTrue();
  }

  @Test
  void copyDerivesAChangedInstanceAndLeavesTheOriginal() {
    Retrying original = Retrying.of(policy().maxTries(2).build());
    Retrying copy = original.copy(b -> b.maxTries(7).name("copy"));

    assertThat(copy.policy().maxTries()).isEqualTo(7);
    assertThat(copy.policy().name()).isEqualTo("copy");
    assertThat(original.policy().maxTries()).isEqualTo(2);
    assertThat(original.toBuilder().build().maxTries()).isEqualTo(2);
  }

  private static final class RetryAfter extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Duration after;

    RetryAfter(Duration after) {
      super("429, retry after " + after);
      this.after = after;
    }
  }
}

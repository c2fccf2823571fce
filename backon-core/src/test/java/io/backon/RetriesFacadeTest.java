package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testfixtures.CallCounter;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Wait;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetriesFacadeTest {

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final CallCounter calls = new CallCounter();

  @AfterEach
  void retryingIsOnAgain() {
    Retries.enable();
  }

  // ------------------------------------------------------------------------- short form

  @Test
  void theShortFormRetriesTheGivenFailureTypeUntilItSucceeds() throws Exception {
    String value =
        Retries.retry(
            calls.succeedingOnTry(3, () -> new IOException("down")),
            3,
            Wait.none(),
            IOException.class);

    assertThat(value).isEqualTo("ok");
    assertThat(calls).hasValue(3);
  }

  @Test
  void theShortFormGivesUpAfterMaxTriesWithTheLastFailure() {
    List<IOException> thrown = new ArrayList<>();

    assertThatThrownBy(
            () ->
                Retries.retry(
                    () -> {
                      IOException failure = new IOException("down " + calls.incrementAndGet());
                      thrown.add(failure);
                      throw failure;
                    },
                    3,
                    Wait.none(),
                    IOException.class))
        .isInstanceOf(IOException.class)
        .hasMessage("down 3")
        .satisfies(last -> assertThat(last).isSameAs(thrown.get(2)));

    assertThat(calls).hasValue(3);
  }

  @Test
  void theShortFormDoesNotRetryOtherFailureTypes() {
    IllegalStateException bug = new IllegalStateException("bug");

    assertThatThrownBy(
            () -> Retries.retry(calls.failingWith(bug), 3, Wait.none(), IOException.class))
        .isSameAs(bug);

    assertThat(calls).hasValue(1);
  }

  @Test
  void theShortFormWithoutTypesRetriesAnyException() {
    assertThatThrownBy(
            () ->
                Retries.retry(calls.failingWith(new IllegalStateException("bug")), 4, Wait.none()))
        .isInstanceOf(IllegalStateException.class);

    assertThat(calls).hasValue(4);
  }

  @Test
  void theShortFormAcceptsSeveralFailureTypes() throws Exception {
    AtomicInteger tries = new AtomicInteger();

    String value =
        Retries.retry(
            () -> {
              switch (tries.incrementAndGet()) {
                case 1:
                  throw new IOException("io");
                case 2:
                  throw new TimeoutException("slow");
                default:
                  return "ok";
              }
            },
            3,
            Wait.none(),
            IOException.class,
            TimeoutException.class);

    assertThat(value).isEqualTo("ok");
    assertThat(tries).hasValue(3);
  }

  @Test
  void theShortFormRejectsZeroTriesWithTheRule() {
    assertThatThrownBy(() -> Retries.retry(() -> "x", 0, Wait.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTries must be >= 1 but was 0");
  }

  @Test
  void retryWithAPolicyRunsUnderThatPolicy() throws Exception {
    String value =
        Retries.retry(calls.succeedingOnTry(4, () -> new IOException("down")), policy(4));

    assertThat(value).isEqualTo("ok");
    assertThat(calls).hasValue(4);
  }

  @Test
  void retryRejectsANullPolicyNamingIt() {
    assertThatThrownBy(() -> Retries.retry(() -> "x", (RetryPolicy) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policy");
  }

  @Test
  void theAttemptNumberIsVisibleInsideTheTargetAndZeroOutside() throws Exception {
    List<Integer> seen = new ArrayList<>();

    Retries.retry(
        () -> {
          seen.add(Retries.attemptNumber());
          if (seen.size() < 3) {
            throw new IOException("down");
          }
          return Retries.isRetrying();
        },
        policy(3));

    assertThat(seen).containsExactly(1, 2, 3);
    assertThat(Retries.attemptNumber()).isZero();
    assertThat(Retries.isRetrying()).isFalse();
  }

  @Test
  void aNestedCallKeepsItsOwnAttemptNumberAndRestoresTheOuterOne() throws Exception {
    List<String> seen = new ArrayList<>();

    Retries.retry(
        () -> {
          int outer = Retries.attemptNumber();
          if (outer == 1) {
            throw new IOException("outer down");
          }
          AtomicInteger inner = new AtomicInteger();
          Retries.retry(
              () -> {
                seen.add("inner " + Retries.attemptNumber());
                if (inner.incrementAndGet() < 3) {
                  throw new IOException("inner down");
                }
                return "in";
              },
              policy(3));
          seen.add("outer " + Retries.attemptNumber());
          return "out";
        },
        policy(3));

    assertThat(seen).containsExactly("inner 1", "inner 2", "inner 3", "outer 2");
  }

  // ------------------------------------------------------------------- global switch

  @Test
  void disableMakesEveryCallRunExactlyOnce() {
    IOException failure = new IOException("down");
    Retries.disable();

    assertThatThrownBy(() -> Retries.retry(calls.failingWith(failure), 5, Wait.none()))
        .isSameAs(failure);

    assertThat(calls).hasValue(1);
    assertThat(Retries.isEnabled()).isFalse();
  }

  @Test
  void disableReachesEveryFace() {
    Retries.disable();

    assertThatThrownBy(() -> Retrying.of(policy(5)).call(calls.failingWith(new IOException("a"))))
        .hasMessage("a");
    assertThatThrownBy(
            () ->
                RetryingCaller.of(policy(5))
                    .run(
                        () -> {
                          calls.incrementAndGet();
                          throw new IOException("b");
                        }))
        .hasMessage("b");
    assertThatThrownBy(() -> Retries.retry(calls.failingWith(new IOException("c")), policy(5)))
        .hasMessage("c");

    assertThat(calls).hasValue(3);
    assertThat(Retrying.of(policy(5)).isEnabled()).isFalse();
  }

  @Test
  void disableStillReturnsTheTargetsValue() throws Exception {
    Retries.disable();

    assertThat(Retries.retry(() -> "direct", 5, Wait.none())).isEqualTo("direct");
  }

  @Test
  void enableRestoresRetrying() {
    Retries.disable();
    Retries.enable();

    assertThatThrownBy(
            () -> Retries.retry(calls.failingWith(new IOException("down")), 5, Wait.none()))
        .isInstanceOf(IOException.class);

    assertThat(calls).hasValue(5);
    assertThat(Retries.isEnabled()).isTrue();
  }

  @Test
  void retryingIsEnabledByDefault() {
    assertThat(Retries.isEnabled()).isTrue();
    assertThat(Retrying.of(policy(3)).isEnabled()).isTrue();
  }

  @Test
  void disablingTwiceNeedsOnlyOneEnable() {
    Retries.disable();
    Retries.disable();
    Retries.enable();

    assertThat(Retries.isEnabled()).isTrue();
  }

  // ------------------------------------------------------------------- RetryingCaller

  @Test
  void aCallerOnIoExceptionRetriesIoExceptions() {
    IOException failure = new IOException("down");
    RetryingCaller caller = RetryingCaller.of(policy(3)).on(IOException.class);

    assertThatThrownBy(() -> caller.call(calls.failingWith(failure))).isSameAs(failure);

    assertThat(calls).hasValue(3);
  }

  @Test
  void aCallerOnIoExceptionDoesNotRetryOtherFailures() {
    IllegalStateException bug = new IllegalStateException("bug");
    RetryingCaller caller = RetryingCaller.of(policy(3)).on(IOException.class);

    assertThatThrownBy(() -> caller.call(calls.failingWith(bug))).isSameAs(bug);

    assertThat(calls).hasValue(1);
  }

  @Test
  void onReturnsANewCallerAndLeavesTheOriginalAlone() {
    RetryingCaller anything = RetryingCaller.of(policy(3));
    RetryingCaller ioOnly = anything.on(IOException.class);

    assertThatThrownBy(() -> anything.call(calls.failingWith(new IllegalStateException("bug"))))
        .isInstanceOf(IllegalStateException.class);

    assertThat(ioOnly).isNotSameAs(anything);
    assertThat(calls).hasValue(3);
  }

  @Test
  void onKeepsTheRestOfThePolicy() {
    RetryPolicy named =
        RetryPolicy.builder()
            .name("payments")
            .maxTries(4)
            .wait(Wait.none())
            .sleeper(sleeper)
            .clock(clock)
            .build();

    RetryPolicy narrowed = RetryingCaller.of(named).on(IOException.class).policy();

    assertThat(narrowed.name()).isEqualTo("payments");
    assertThat(narrowed.maxTries()).isEqualTo(4);
    assertThat(narrowed.sleeper()).isSameAs(sleeper);
  }

  @Test
  void onWithoutTypesIsRejected() {
    assertThatThrownBy(() -> RetryingCaller.of(policy(3)).on())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retryOn needs at least one exception type");
  }

  @Test
  void aCallerForANullPolicyIsRejectedNamingIt() {
    assertThatThrownBy(() -> RetryingCaller.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policy");
  }

  @Test
  void onResultRetriesNullValues() throws Exception {
    RetryingCaller caller = RetryingCaller.of(policy(5)).onResult(value -> value == null);

    String value = caller.call(() -> calls.incrementAndGet() < 3 ? null : "found");

    assertThat(value).isEqualTo("found");
    assertThat(calls).hasValue(3);
  }

  @Test
  void onResultStillRetriesFailures() throws Exception {
    RetryingCaller caller = RetryingCaller.of(policy(5)).onResult(value -> value == null);

    String value = caller.call(calls.succeedingOnTry(2, () -> new IOException("down")));

    assertThat(value).isEqualTo("ok");
    assertThat(calls).hasValue(2);
  }

  @Test
  void onResultGivesUpOnAValueItKeepsRejectingWithRetriesExhausted() {
    RetryingCaller caller = RetryingCaller.of(policy(3)).onResult(value -> "busy".equals(value));

    assertThatThrownBy(
            () ->
                caller.call(
                    () -> {
                      calls.incrementAndGet();
                      return "busy";
                    }))
        .isInstanceOfSatisfying(
            RetriesExhaustedException.class,
            exhausted -> {
              assertThat(exhausted.attempts()).isEqualTo(3);
              assertThat(exhausted.reason()).isEqualTo(GiveUpReason.MAX_TRIES);
              assertThat(exhausted.lastValue()).isEqualTo("busy");
            })
        .hasMessageEndingWith("after 3 attempts (max tries reached); last value: busy");

    assertThat(calls).hasValue(3);
  }

  @Test
  void getRetriesASupplierAndReturnsItsValue() {
    RetryingCaller caller = RetryingCaller.of(policy(3));

    String value =
        caller.get(
            () -> {
              if (calls.incrementAndGet() < 2) {
                throw new IllegalStateException("flaky");
              }
              return "got";
            });

    assertThat(value).isEqualTo("got");
    assertThat(calls).hasValue(2);
  }

  @Test
  void getThrowsTheSuppliersLastFailureUnchanged() {
    IllegalStateException failure = new IllegalStateException("always");
    RetryingCaller caller = RetryingCaller.of(policy(2));

    assertThatThrownBy(
            () ->
                caller.get(
                    () -> {
                      calls.incrementAndGet();
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(calls).hasValue(2);
  }

  @Test
  void runRetriesARunnableUntilItCompletes() throws Exception {
    RetryingCaller caller = RetryingCaller.of(policy(3)).on(IOException.class);

    caller.run(
        () -> {
          if (calls.incrementAndGet() < 3) {
            throw new IOException("down");
          }
        });

    assertThat(calls).hasValue(3);
  }

  @Test
  void runPropagatesACheckedExceptionUnchanged() {
    IOException failure = new IOException("disk full");
    RetryingCaller caller = RetryingCaller.of(policy(3)).on(IOException.class);

    assertThatThrownBy(
            () ->
                caller.run(
                    () -> {
                      calls.incrementAndGet();
                      throw failure;
                    }))
        .isSameAs(failure)
        .hasNoCause()
        .hasNoSuppressedExceptions();

    assertThat(calls).hasValue(3);
  }

  @Test
  void runPropagatesANonRetryableCheckedExceptionUnchangedAfterOneTry() {
    TimeoutException failure = new TimeoutException("slow");
    RetryingCaller caller = RetryingCaller.of(policy(3)).on(IOException.class);

    assertThatThrownBy(
            () ->
                caller.run(
                    () -> {
                      calls.incrementAndGet();
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(calls).hasValue(1);
  }

  @Test
  void theCallerSleepsThroughThePolicysSleeper() throws Exception {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxTries(3)
            .wait(Wait.constant(java.time.Duration.ofSeconds(3)))
            .jitter(io.backon.wait.Jitter.none())
            .sleeper(sleeper)
            .clock(clock)
            .build();

    RetryingCaller.of(policy)
        .on(IOException.class)
        .call(calls.succeedingOnTry(3, () -> new IOException("down")));

    assertThat(sleeper.sleeps())
        .containsExactly(java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(3));
  }

  // ------------------------------------------------------------------------- helpers

  private RetryPolicy policy(int maxTries) {
    return RetryPolicy.builder()
        .maxTries(maxTries)
        .wait(Wait.none())
        .sleeper(sleeper)
        .clock(clock)
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF)
        .build();
  }
}

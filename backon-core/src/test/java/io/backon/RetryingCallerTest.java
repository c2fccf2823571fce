package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.wait.Wait;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * {@link RetryingCaller}: narrowing the retried failures with {@code on}, retrying values with
 * {@code onResult}, and its {@code get} and {@code run} faces.
 */
class RetryingCallerTest extends FakeTimeFixture {

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
        .hasMessageEndingWith("after 3 attempts (max tries reached); last value of type String");

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
}

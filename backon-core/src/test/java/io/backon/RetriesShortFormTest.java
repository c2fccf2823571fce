package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.wait.Wait;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The short form {@code Retries.retry(...)}: failure types, tries, a given policy, and the attempt
 * number seen inside the target.
 */
class RetriesShortFormTest extends FakeTimeFixture {

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
}

package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Iterating {@link Attempts}: the happy path, giving up, and the attempt number the context shows.
 */
class AttemptsLoopTest extends FakeTimeFixture {

  // ------------------------------------------------------------------------ happy path

  @Test
  void succeedsOnTheThirdAttemptAndResultReturnsTheValue() throws Exception {
    Attempts<String> attempts = Retrying.of(policy(5)).attempts();

    for (Attempt<String> attempt : attempts) {
      if (attempt.number() < 3) {
        attempt.fail(new IOException("down " + attempt.number()));
      } else {
        attempt.succeed("body");
      }
    }

    assertThat(attempts.result()).isEqualTo("body");
  }

  @Test
  void attemptsAreNumberedOneTwoThree() {
    List<Integer> numbers = new ArrayList<>();
    Attempts<String> attempts = Retrying.of(policy(5)).attempts();

    for (Attempt<String> attempt : attempts) {
      numbers.add(attempt.number());
      if (attempt.number() < 3) {
        attempt.fail(new IOException("down"));
      } else {
        attempt.succeed("body");
      }
    }

    assertThat(numbers).containsExactly(1, 2, 3);
  }

  @Test
  void iterationSleepsTheBackoffBetweenAttempts() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxTries(3)
            .wait(Wait.constant(Duration.ofSeconds(2)))
            .jitter(Jitter.none())
            .sleeper(sleeper)
            .clock(clock)
            .build();
    Attempts<String> attempts = Retrying.of(policy).attempts();

    for (Attempt<String> attempt : attempts) {
      attempt.fail(new IOException("down"));
    }

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void aRejectedValueIsRetriedLikeAFailure() throws Exception {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxTries(5)
            .retryIfResult(value -> value == null)
            .wait(Wait.none())
            .sleeper(sleeper)
            .clock(clock)
            .build();
    Attempts<String> attempts = Retrying.of(policy).attempts();
    int made = 0;

    for (Attempt<String> attempt : attempts) {
      made++;
      attempt.succeed(attempt.number() < 3 ? null : "finally");
    }

    assertThat(made).isEqualTo(3);
    assertThat(attempts.result()).isEqualTo("finally");
  }

  @Test
  void breakingOutRightAfterSucceedingStillEndsTheCallSuccessfully() throws Exception {
    List<EventType> events = new ArrayList<>();
    Attempts<String> attempts = Retrying.of(recording(policyBuilder(3), events)).attempts();

    for (Attempt<String> attempt : attempts) {
      attempt.succeed("early");
      break;
    }

    assertThat(attempts.result()).isEqualTo("early");
    assertThat(events)
        .containsExactly(EventType.ATTEMPT, EventType.BEFORE, EventType.AFTER, EventType.SUCCESS);
  }

  // ------------------------------------------------------------------------- giving up

  @Test
  void givesUpAndResultThrowsTheLastFailureUnwrapped() {
    List<IOException> failures = new ArrayList<>();
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();

    for (Attempt<String> attempt : attempts) {
      IOException failure = new IOException("down " + attempt.number());
      failures.add(failure);
      attempt.fail(failure);
    }

    assertThat(failures).hasSize(3);
    assertThatThrownBy(attempts::result)
        .isSameAs(failures.get(2))
        .isInstanceOf(IOException.class)
        .hasNoSuppressedExceptions();
  }

  @Test
  void aFailureTheConditionDoesNotRetryEndsTheLoopAtOnce() {
    RetryPolicy policy = policyBuilder(5).retryOn(IOException.class).build();
    IllegalStateException failure = new IllegalStateException("bug");
    Attempts<String> attempts = Retrying.of(policy).attempts();
    int made = 0;

    for (Attempt<String> attempt : attempts) {
      made++;
      attempt.fail(failure);
    }

    assertThat(made).isEqualTo(1);
    assertThatThrownBy(attempts::result).isSameAs(failure);
  }

  @Test
  void theGiveUpEventCarriesTheReason() {
    List<RetryEvent> giveUps = new ArrayList<>();
    Attempts<String> attempts =
        Retrying.of(policyBuilder(2).onGiveUp(giveUps::add).build()).attempts();

    for (Attempt<String> attempt : attempts) {
      attempt.fail(new IOException("down"));
    }

    assertThatThrownBy(attempts::result).isInstanceOf(IOException.class);
    assertThat(giveUps)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.giveUpReason()).isEqualTo(GiveUpReason.MAX_TRIES);
              assertThat(event.attemptNumber()).isEqualTo(2);
            });
  }

  @Test
  void resultCalledTwiceOnGiveUpFiresGiveUpOnlyOnce() {
    AtomicInteger giveUps = new AtomicInteger();
    IOException last = new IOException("down");
    Attempts<String> attempts =
        Retrying.of(policyBuilder(2).onGiveUp(event -> giveUps.incrementAndGet()).build())
            .attempts();

    for (Attempt<String> attempt : attempts) {
      attempt.fail(last);
    }

    assertThatThrownBy(attempts::result).isSameAs(last);
    assertThatThrownBy(attempts::result).isSameAs(last);
    assertThat(giveUps).hasValue(1);
  }

  @Test
  void theFallbackValueIsTheResultWhenTheCallGivesUp() throws Exception {
    Attempts<String> attempts =
        Retrying.of(policyBuilder(2).fallback(event -> "cached").build()).attempts();

    for (Attempt<String> attempt : attempts) {
      attempt.fail(new IOException("down"));
    }

    assertThat(attempts.result()).isEqualTo("cached");
  }

  @Test
  void hasNextIsFalseAndNextThrowsOnceTheCallHasEnded() {
    Attempts<String> attempts = Retrying.of(policy(2)).attempts();
    Iterator<Attempt<String>> iterator = attempts.iterator();
    while (iterator.hasNext()) {
      iterator.next().fail(new IOException("down"));
    }

    assertThat(iterator.hasNext()).isFalse();
    assertThatThrownBy(iterator::next)
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("the call has ended after attempt 2");
  }

  // ----------------------------------------------------------------------- the context

  @Test
  void attemptNumberInsideTheLoopBodyIsTheAttemptsNumberAndZeroAfter() throws Exception {
    List<Integer> seen = new ArrayList<>();
    List<Boolean> retrying = new ArrayList<>();
    Attempts<String> attempts = Retrying.of(policy(5)).attempts();

    for (Attempt<String> attempt : attempts) {
      seen.add(Retries.attemptNumber());
      retrying.add(Retries.isRetrying());
      if (attempt.number() < 3) {
        attempt.fail(new IOException("down"));
      } else {
        attempt.succeed("ok");
      }
    }

    assertThat(seen).containsExactly(1, 2, 3);
    assertThat(retrying).containsOnly(true);
    assertThat(Retries.attemptNumber()).isZero();
    assertThat(Retries.isRetrying()).isFalse();
    assertThat(attempts.result()).isEqualTo("ok");
  }

  @Test
  void attemptNumberIsZeroAgainAsSoonAsTheAttemptIsReported() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    Iterator<Attempt<String>> iterator = attempts.iterator();

    iterator.next().fail(new IOException("down"));

    assertThat(Retries.attemptNumber()).isZero();
  }
}

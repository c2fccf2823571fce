package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttemptsTest {

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);

  @AfterEach
  void retryingIsOnAgain() {
    Retries.enable();
  }

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

  // ------------------------------------------------------------------------------ misuse

  @Test
  void notReportingAnAttemptFailsTheNextIteration() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    Iterator<Attempt<String>> iterator = attempts.iterator();
    Attempt<String> first = iterator.next();

    try {
      assertThatThrownBy(iterator::hasNext)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "attempt 1 was neither succeeded nor failed; call attempt.succeed(value) or "
                  + "attempt.fail(exception) before the next iteration");
      assertThatThrownBy(iterator::next)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("attempt 1 was neither succeeded nor failed");
    } finally {
      first.fail(new IOException("reported late"));
    }
  }

  @Test
  void anAttemptReportedLateStillCountsAndTheLoopGoesOn() throws Exception {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    Iterator<Attempt<String>> iterator = attempts.iterator();
    Attempt<String> first = iterator.next();
    assertThatThrownBy(iterator::hasNext).isInstanceOf(IllegalStateException.class);

    first.fail(new IOException("reported late"));

    assertThat(iterator.hasNext()).isTrue();
    Attempt<String> second = iterator.next();
    assertThat(second.number()).isEqualTo(2);
    second.succeed("ok");
    assertThat(iterator.hasNext()).isFalse();
    assertThat(attempts.result()).isEqualTo("ok");
  }

  @Test
  void reportingAnAttemptTwiceIsRejected() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    Attempt<String> first = attempts.iterator().next();
    first.fail(new IOException("down"));

    assertThatThrownBy(() -> first.succeed("late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Attempt{1} was already reported or is not the current one");
  }

  @Test
  void reportingAnEarlierAttemptAfterTheNextStartedIsRejected() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    Iterator<Attempt<String>> iterator = attempts.iterator();
    Attempt<String> first = iterator.next();
    first.fail(new IOException("down"));
    Attempt<String> second = iterator.next();

    assertThatThrownBy(() -> first.fail(new IOException("again")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Attempt{1} was already reported or is not the current one");

    second.succeed("ok");
  }

  @Test
  void failingWithNullIsRejectedNamingTheParameter() {
    Attempt<String> first = Retrying.of(policy(3)).<String>attempts().iterator().next();

    try {
      assertThatThrownBy(() -> first.fail(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("failure");
    } finally {
      first.succeed("ok");
    }
  }

  @Test
  void aSecondIteratorIsRejected() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    attempts.iterator();

    assertThatThrownBy(attempts::iterator)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Attempts are single-use; get new ones from retrying.attempts()");
  }

  @Test
  void resultBeforeTheCallHasEndedIsRejected() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();

    assertThatThrownBy(attempts::result)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the call has not ended; iterate until hasNext() is false");
  }

  @Test
  void resultAfterARetryWasDecidedButNotStartedIsRejected() {
    Attempts<String> attempts = Retrying.of(policy(3)).attempts();
    Iterator<Attempt<String>> iterator = attempts.iterator();
    iterator.next().fail(new IOException("down"));
    assertThat(iterator.hasNext()).isTrue();

    assertThatThrownBy(attempts::result)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the call has not ended; iterate until hasNext() is false");
  }

  // ------------------------------------------------------------ same events as call()

  @Test
  void listenersFireInTheSameOrderAsWithCallWhenTheThirdAttemptSucceeds() throws Exception {
    List<String> viaCall = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    Retrying.of(labelled(policyBuilder(5), viaCall))
        .call(
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new IOException("down");
              }
              return "ok";
            });

    List<String> viaAttempts = new ArrayList<>();
    Attempts<String> attempts = Retrying.of(labelled(policyBuilder(5), viaAttempts)).attempts();
    for (Attempt<String> attempt : attempts) {
      if (attempt.number() < 3) {
        attempt.fail(new IOException("down"));
      } else {
        attempt.succeed("ok");
      }
    }
    attempts.result();

    assertThat(viaAttempts)
        .isEqualTo(viaCall)
        .containsExactly(
            "ATTEMPT#1",
            "BEFORE#1",
            "AFTER#1",
            "BEFORE_SLEEP#1",
            "BACKOFF#1",
            "ATTEMPT#2",
            "BEFORE#2",
            "AFTER#2",
            "BEFORE_SLEEP#2",
            "BACKOFF#2",
            "ATTEMPT#3",
            "BEFORE#3",
            "AFTER#3",
            "SUCCESS#3");
  }

  @Test
  void listenersFireInTheSameOrderAsWithCallWhenTheCallGivesUp() {
    List<String> viaCall = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Retrying.of(labelled(policyBuilder(2), viaCall))
                    .call(
                        () -> {
                          throw new IOException("down");
                        }))
        .isInstanceOf(IOException.class);

    List<String> viaAttempts = new ArrayList<>();
    Attempts<String> attempts = Retrying.of(labelled(policyBuilder(2), viaAttempts)).attempts();
    for (Attempt<String> attempt : attempts) {
      attempt.fail(new IOException("down"));
    }
    assertThatThrownBy(attempts::result).isInstanceOf(IOException.class);

    assertThat(viaAttempts)
        .isEqualTo(viaCall)
        .containsExactly(
            "ATTEMPT#1",
            "BEFORE#1",
            "AFTER#1",
            "BEFORE_SLEEP#1",
            "BACKOFF#1",
            "ATTEMPT#2",
            "BEFORE#2",
            "AFTER#2",
            "GIVE_UP#2");
  }

  @Test
  void eventsOfBothFacesCarryTheSameOutcomes() throws Exception {
    IOException failure = new IOException("down");
    List<RetryEvent> viaCall = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    Retrying.of(policyBuilder(3).after(viaCall::add).build())
        .call(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw failure;
              }
              return "ok";
            });

    List<RetryEvent> viaAttempts = new ArrayList<>();
    Attempts<String> attempts =
        Retrying.of(policyBuilder(3).after(viaAttempts::add).build()).attempts();
    for (Attempt<String> attempt : attempts) {
      if (attempt.number() == 1) {
        attempt.fail(failure);
      } else {
        attempt.succeed("ok");
      }
    }

    assertThat(viaAttempts).hasSize(2);
    assertThat(viaAttempts)
        .extracting(RetryEvent::failure)
        .isEqualTo(viaCall.stream().map(RetryEvent::failure).toList())
        .containsExactly(failure, null);
    assertThat(viaAttempts)
        .extracting(RetryEvent::value)
        .isEqualTo(viaCall.stream().map(RetryEvent::value).toList())
        .containsExactly(null, "ok");
  }

  // ------------------------------------------------------------------------- disabled

  @Test
  void withRetriesDisabledOnlyOneAttemptIsMade() {
    IOException failure = new IOException("down");
    Retries.disable();
    Attempts<String> attempts = Retrying.of(policy(5)).attempts();
    int made = 0;

    for (Attempt<String> attempt : attempts) {
      made++;
      attempt.fail(failure);
    }

    assertThat(made).isEqualTo(1);
    assertThatThrownBy(attempts::result).isSameAs(failure);
  }

  @Test
  void withRetriesDisabledTheSingleAttemptsValueIsTheResult() throws Exception {
    Retries.disable();
    Attempts<String> attempts = Retrying.of(policy(5)).attempts();

    for (Attempt<String> attempt : attempts) {
      attempt.succeed("direct");
    }

    assertThat(attempts.result()).isEqualTo("direct");
  }

  @Test
  void aDisabledPolicyMakesOnlyOneAttempt() {
    Attempts<String> attempts = Retrying.of(policyBuilder(5).enabled(false).build()).attempts();
    int made = 0;

    for (Attempt<String> attempt : attempts) {
      made++;
      attempt.fail(new IOException("down"));
    }

    assertThat(made).isEqualTo(1);
  }

  /**
   * "Retries.disable() makes every face call the target exactly once, directly" and the iterator
   * "follows the policy exactly like Retrying#call": both faces must tell the listeners the same.
   */
  @Test
  void withRetriesDisabledBothFacesFireTheSameEvents() throws Exception {
    Retries.disable();
    List<String> viaCall = new ArrayList<>();
    Retrying.of(labelled(policyBuilder(5), viaCall)).call(() -> "direct");

    List<String> viaAttempts = new ArrayList<>();
    Attempts<String> attempts = Retrying.of(labelled(policyBuilder(5), viaAttempts)).attempts();
    for (Attempt<String> attempt : attempts) {
      attempt.succeed("direct");
    }
    attempts.result();

    assertThat(viaAttempts).isEqualTo(viaCall);
  }

  // --------------------------------------------------------------------------- helpers

  private RetryPolicy policy(int maxTries) {
    return policyBuilder(maxTries).build();
  }

  private RetryPolicyBuilder policyBuilder(int maxTries) {
    return RetryPolicy.builder()
        .maxTries(maxTries)
        .wait(Wait.none())
        .sleeper(sleeper)
        .clock(clock)
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF);
  }

  private static RetryPolicy recording(RetryPolicyBuilder builder, List<EventType> events) {
    for (EventType type : EventType.values()) {
      builder.listen(type, event -> events.add(event.type()));
    }
    return builder.build();
  }

  private static RetryPolicy labelled(RetryPolicyBuilder builder, List<String> events) {
    return builder
        .onAttempt(event -> events.add("ATTEMPT#" + event.attemptNumber()))
        .before(event -> events.add("BEFORE#" + event.attemptNumber()))
        .after(event -> events.add("AFTER#" + event.attemptNumber()))
        .beforeSleep(event -> events.add("BEFORE_SLEEP#" + event.attemptNumber()))
        .onBackoff(event -> events.add("BACKOFF#" + event.attemptNumber()))
        .onSuccess(event -> events.add("SUCCESS#" + event.attemptNumber()))
        .onGiveUp(event -> events.add("GIVE_UP#" + event.attemptNumber()))
        .build();
  }
}

package io.backon;

import io.backon.testfixtures.CallCounter;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Fake time, a counted target, policies that sleep and measure on that time, and listeners that
 * record the events: what the tests of {@link Attempts}, {@link Retrying}, {@link Retries} and
 * {@link RetryingCaller} share; each of those tests extends it. Retrying is switched back on after
 * every test.
 */
abstract class FakeTimeFixture {

  final FakeClock clock = new FakeClock();
  final ManualSleeper sleeper = new ManualSleeper(clock);
  final CallCounter calls = new CallCounter();

  @AfterEach
  void retryingIsOnAgain() {
    Retries.enable();
  }

  /** A builder on the fake time without jitter, logging at the defaults. */
  RetryPolicyBuilder policy() {
    return RetryPolicy.builder().clock(clock).sleeper(sleeper).jitter(Jitter.none());
  }

  /** {@link #policyBuilder}, built. */
  RetryPolicy policy(int maxTries) {
    return policyBuilder(maxTries).build();
  }

  /** {@code maxTries} tries on the fake time with no wait between them, logging nothing. */
  RetryPolicyBuilder policyBuilder(int maxTries) {
    return RetryPolicy.builder()
        .maxTries(maxTries)
        .wait(Wait.none())
        .sleeper(sleeper)
        .clock(clock)
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF);
  }

  /** Records the type of every event into {@code events}. */
  static RetryPolicy recording(RetryPolicyBuilder builder, List<EventType> events) {
    for (EventType type : EventType.values()) {
      builder.listen(type, event -> events.add(event.type()));
    }
    return builder.build();
  }

  /** Records every event into {@code events} as its callback's name and the attempt number. */
  static RetryPolicy labelled(RetryPolicyBuilder builder, List<String> events) {
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

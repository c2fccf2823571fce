package io.backon;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.testfixtures.FakeTime;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The same policy means the same thing on every face: attempts, which failures and values are
 * retried, the waits, the fallback, the failure the caller sees and the order of the events. Each
 * test plays one {@link Script} through one {@link Face}.
 */
class EveryFaceRetriesAlikeTest {

  private static final Duration MS_100 = Duration.ofMillis(100);
  private static final Duration SECOND = Duration.ofSeconds(1);

  private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void callerThreadIsNeverLeftInterrupted() {
    assertThat(Thread.interrupted()).as("interrupt flag of the test thread").isFalse();
  }

  /** A policy reporting every event to {@link #events}, retrying at once unless told otherwise. */
  private RetryPolicyBuilder recorded() {
    RetryPolicyBuilder builder = RetryPolicy.builder().wait(Wait.none()).jitter(Jitter.none());
    for (EventType type : EventType.values()) {
      builder.listen(type, events::add);
    }
    return builder;
  }

  /** The events as {@code TYPE#attempt}, in the order they fired. */
  private List<String> trace() {
    List<String> trace = new ArrayList<>();
    for (RetryEvent event : events) {
      trace.add(event.type() + "#" + event.attemptNumber());
    }
    return trace;
  }

  private RetryEvent giveUp() {
    return events.stream().filter(e -> e.type() == EventType.GIVE_UP).findFirst().orElseThrow();
  }

  private List<Duration> backoffWaits() {
    return events.stream()
        .filter(e -> e.type() == EventType.BACKOFF)
        .map(RetryEvent::waitDuration)
        .toList();
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void maxTriesMakesThatManyAttemptsThenThrowsTheLastFailureItself(Face face) {
    Script script = Script.of(new IOException("down"));

    Throwable failure = face.run(recorded().maxTries(3), script).failed();

    assertThat(script.calls()).isEqualTo(3);
    assertThat(failure).isSameAs(script.lastThrown());
    assertThat(giveUp().giveUpReason()).isEqualTo(GiveUpReason.MAX_TRIES);
    assertThat(giveUp().attemptNumber()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void abortOnWinsOverRetryOn(Face face) {
    Script script = Script.of(new FileNotFoundException("gone"), "ok");

    Throwable failure =
        face.run(recorded().retryOn(IOException.class).abortOn(FileNotFoundException.class), script)
            .failed();

    assertThat(script.calls()).isEqualTo(1);
    assertThat(failure).isSameAs(script.lastThrown());
    assertThat(giveUp().giveUpReason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void aFailureOutsideRetryOnIsNotRetried(Face face) {
    Script script = Script.of(new IllegalStateException("bug"), "ok");

    Throwable failure = face.run(recorded().retryOn(IOException.class), script).failed();

    assertThat(script.calls()).isEqualTo(1);
    assertThat(failure).isSameAs(script.lastThrown());
  }

  @ParameterizedTest
  @FieldSource("io.backon.Face#CHECKING_RESULTS")
  void aRejectedValueIsRetriedUntilAnAcceptedOne(Face face) {
    Script script = Script.of("pending", "pending", "done");

    Object value = face.run(recorded().retryIfResult("pending"::equals), script).returned();

    assertThat(value).isEqualTo("done");
    assertThat(script.calls()).isEqualTo(3);
  }

  @ParameterizedTest
  @FieldSource("io.backon.Face#CHECKING_RESULTS")
  void aValueStillRejectedAtTheLastTryEndsWithRetriesExhausted(Face face) {
    Script script = Script.of("pending");

    Throwable failure =
        face.run(recorded().maxTries(2).retryIfResult("pending"::equals), script).failed();

    assertThat(failure).isInstanceOf(RetriesExhaustedException.class);
    assertThat(script.calls()).isEqualTo(2);
    assertThat(giveUp().giveUpReason()).isEqualTo(GiveUpReason.MAX_TRIES);
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void theJitteredWaitOnBackoffReportsIsTheTimeBetweenAttempts(Face face) {
    Script script = Script.of(new IOException("down"), new IOException("down"), "ok");

    Object value =
        face.run(
                recorded()
                    .wait(Wait.expo(MS_100, Duration.ofSeconds(5)))
                    .jitter(Jitter.full())
                    .random(new SplittableRandom(42)),
                script)
            .returned();

    assertThat(value).isEqualTo("ok");
    assertThat(backoffWaits()).isEqualTo(expectedFullJitterWaits());
    List<Duration> attemptStarts =
        events.stream()
            .filter(e -> e.type() == EventType.ATTEMPT)
            .map(RetryEvent::elapsed)
            .toList();
    Duration secondStart = backoffWaits().get(0);
    // The future and Reactor faces run in 10 ms ticks of fake time: a wait ends within one tick.
    assertThat(attemptStarts.get(0)).isZero();
    assertThat(attemptStarts.get(1)).isBetween(secondStart, secondStart.plus(FakeTime.TICK));
    Duration thirdStart = attemptStarts.get(1).plus(backoffWaits().get(1));
    assertThat(attemptStarts.get(2)).isBetween(thirdStart, thirdStart.plus(FakeTime.TICK));
  }

  /** The waits full jitter draws over expo(100 ms, 5 s) from a random seeded with 42. */
  private static List<Duration> expectedFullJitterWaits() {
    SplittableRandom random = new SplittableRandom(42);
    return List.of(
        Duration.ofNanos(random.nextLong(MS_100.toNanos() + 1)),
        Duration.ofNanos(random.nextLong(MS_100.toNanos() * 2 + 1)));
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void aFallbackAnswersTheGiveUp(Face face) {
    Script script = Script.of(new IOException("down"));

    Object value = face.run(recorded().maxTries(2).fallback(giveUp -> "cached"), script).returned();

    assertThat(value).isEqualTo("cached");
    assertThat(script.calls()).isEqualTo(2);
    assertThat(giveUp().failure()).isSameAs(script.lastThrown());
  }

  @ParameterizedTest
  @FieldSource("io.backon.Face#CHECKING_RESULTS")
  void withoutRaiseOnGiveUpARejectedLastValueIsReturned(Face face) {
    Script script = Script.of("pending");

    Object value =
        face.run(
                recorded().maxTries(2).retryIfResult("pending"::equals).raiseOnGiveUp(false),
                script)
            .returned();

    assertThat(value).isEqualTo("pending");
    assertThat(script.calls()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void maxTimeShortensTheLastWaitSoNoAttemptStartsAfterIt(Face face) {
    Script script = Script.of(new IOException("down"));

    Throwable failure =
        face.run(
                recorded()
                    .wait(Wait.constant(Duration.ofSeconds(2)))
                    .maxTime(Duration.ofSeconds(5)),
                script)
            .failed();

    assertThat(failure).isSameAs(script.lastThrown());
    assertThat(script.calls()).as("attempts at 0, 2, 4 and 5 s").isEqualTo(4);
    assertThat(backoffWaits()).last().isEqualTo(SECOND);
    assertThat(giveUp().giveUpReason()).isEqualTo(GiveUpReason.MAX_TIME);
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void eventsOfAFailureThenASuccessFireInTheDocumentedOrder(Face face) {
    Script script = Script.of(new IOException("down"), "ok");

    face.run(recorded(), script).returned();

    assertThat(trace())
        .containsExactly(
            "ATTEMPT#1",
            "BEFORE#1",
            "AFTER#1",
            "BEFORE_SLEEP#1",
            "BACKOFF#1",
            "ATTEMPT#2",
            "BEFORE#2",
            "AFTER#2",
            "SUCCESS#2");
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void eventsOfAGiveUpFireInTheDocumentedOrder(Face face) {
    Script script = Script.of(new IOException("down"));

    face.run(recorded().maxTries(2), script).failed();

    assertThat(trace())
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

  @ParameterizedTest
  @EnumSource(Face.class)
  void aCheckedExceptionReachesTheCallerAsItself(Face face) {
    Script script = Script.of(new QuoteUnavailableException("no quote"));

    Throwable failure = face.run(recorded().maxTries(2), script).failed();

    assertThat(failure).isSameAs(script.lastThrown()).isInstanceOf(QuoteUnavailableException.class);
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void aThrowingListenerNeitherBreaksNorChangesTheCall(Face face) {
    Script script = Script.of(new IOException("down"), "ok");
    RetryListener broken =
        event -> {
          throw new IllegalStateException("listener bug at " + event.type());
        };
    RetryPolicyBuilder policy = recorded();
    for (EventType type : EventType.values()) {
      policy.listen(type, broken);
    }

    Object value;
    try (CapturedLog log = CapturedLog.attach()) {
      value = face.run(policy, script).returned();

      assertThat(log.linesOf("io.backon.retry"))
          .filteredOn(line -> line.level().equals("WARNING"))
          .as("one WARNING with the stack trace per listener failure")
          .hasSize(9)
          .allSatisfy(line -> assertThat(line.thrown()).hasMessageStartingWith("listener bug"));
    }
    assertThat(value).isEqualTo("ok");
    assertThat(script.calls()).isEqualTo(2);
    assertThat(trace()).hasSize(9);
  }

  /** A checked exception of the caller's own, as a client library would declare it. */
  public static final class QuoteUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public QuoteUnavailableException(String message) {
      super(message);
    }
  }
}

package io.backon;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitOpenException;
import io.backon.budget.RetryBudget;
import io.backon.stop.Stop;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The limits of a policy end a call the same way on every face: the deadline, the attempt timeout,
 * an open circuit breaker and an empty retry budget. Each test plays one {@link Script} through one
 * {@link Face} in fake time.
 */
class EveryFaceLimitsAlikeTest {

  private static final Duration MS_100 = Duration.ofMillis(100);
  private static final Duration SECOND = Duration.ofSeconds(1);

  private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void callerThreadIsNeverLeftInterrupted() {
    assertThat(Thread.interrupted()).as("interrupt flag of the test thread").isFalse();
  }

  private RetryPolicyBuilder recorded() {
    RetryPolicyBuilder builder = RetryPolicy.builder().jitter(Jitter.none());
    for (EventType type : EventType.values()) {
      builder.listen(type, events::add);
    }
    return builder;
  }

  private RetryEvent giveUp() {
    return events.stream().filter(e -> e.type() == EventType.GIVE_UP).findFirst().orElseThrow();
  }

  private long count(EventType type) {
    return events.stream().filter(e -> e.type() == type).count();
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void aWaitThatWouldEndAfterTheDeadlineEndsTheCallAtOnce(Face face) {
    Script script = Script.of(new IOException("down"));

    Throwable failure =
        face.run(
                recorded()
                    .wait(Wait.constant(SECOND))
                    .stop(Stop.never())
                    .deadline(Duration.ofMillis(1500)),
                script)
            .failed();

    assertThat(failure).isInstanceOf(DeadlineExceededException.class);
    assertThat(failure.getCause()).isSameAs(script.lastThrown());
    assertThat(script.calls())
        .as("attempts at 0 s and 1 s; a third would start at 2 s")
        .isEqualTo(2);
    assertThat(giveUp().giveUpReason()).isEqualTo(GiveUpReason.DEADLINE_EXCEEDED);
    assertThat(giveUp().giveUpReason().description()).isEqualTo("deadline exceeded");
    assertThat(giveUp().elapsed())
        .as("ends at once, not at the deadline")
        .isLessThan(SECOND.plusMillis(100));
    assertThat(count(EventType.BACKOFF)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void anAttemptRunningPastTheDeadlineEndsTheCallWithItsLastFailureAsCause(Face face) {
    Script script = Script.of(new IOException("down"), Script.HANG);

    Throwable failure =
        face.run(
                recorded().wait(Wait.constant(SECOND)).maxTries(5).deadline(Duration.ofSeconds(3)),
                script)
            .failed();

    assertThat(failure).isInstanceOf(DeadlineExceededException.class);
    assertThat(failure.getCause()).isSameAs(script.thrown().get(0));
    assertThat(script.calls()).isEqualTo(2);
    assertThat(giveUp().giveUpReason()).isEqualTo(GiveUpReason.DEADLINE_EXCEEDED);
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void aTimedOutAttemptFailsWithAttemptTimeoutAndIsRetried(Face face) {
    Script script = Script.of(Script.HANG, "ok");

    Object value = face.run(recorded().wait(Wait.none()).attemptTimeout(MS_100), script).returned();

    assertThat(value).isEqualTo("ok");
    assertThat(script.calls()).isEqualTo(2);
    RetryEvent backoff =
        events.stream().filter(e -> e.type() == EventType.BACKOFF).findFirst().orElseThrow();
    assertThat(backoff.failure()).isInstanceOf(AttemptTimeoutException.class);
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void aTimedOutLastAttemptGivesUpWithAttemptTimeout(Face face) {
    Script script = Script.of(Script.HANG);

    Throwable failure =
        face.run(recorded().wait(Wait.none()).maxTries(2).attemptTimeout(MS_100), script).failed();

    assertThat(failure).isInstanceOf(AttemptTimeoutException.class);
    assertThat(script.calls()).isEqualTo(2);
    assertThat(giveUp().giveUpReason()).isEqualTo(GiveUpReason.MAX_TRIES);
  }

  @ParameterizedTest
  @EnumSource(names = {"CALL", "RETRIES", "ITERATOR"}) // the faces that sleep the back-off
  void anInterruptDuringTheBackOffEndsTheCallWithTheLastFailureAndKeepsTheFlag(Face face) {
    Script script = Script.of(new IOException("down"), "ok");

    Throwable failure =
        face.run(
                recorded()
                    .wait(Wait.constant(SECOND))
                    .beforeSleep(event -> Thread.currentThread().interrupt())
                    .fallback(event -> "skipped on interrupt"),
                script)
            .failed();

    assertThat(Thread.interrupted()).as("interrupt flag restored (and cleared here)").isTrue();
    assertThat(failure).isSameAs(script.lastThrown());
    assertThat(failure.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
    assertThat(script.calls()).isEqualTo(1);
    assertThat(giveUp().giveUpReason()).isEqualTo(GiveUpReason.INTERRUPTED);
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void anOpenBreakerRejectsTheCallWithoutReachingTheTargetOrRetrying(Face face) {
    Script script = Script.of("ok");
    CircuitBreaker breaker = CircuitBreaker.builder("quotes").build();
    breaker.forceOpen();

    Throwable failure =
        face.run(recorded().wait(Wait.none()).circuitBreaker(breaker), script).failed();

    assertThat(failure).isInstanceOf(CircuitOpenException.class);
    assertThat(((CircuitOpenException) failure).breakerName()).isEqualTo("quotes");
    assertThat(script.calls()).isZero();
    assertThat(giveUp().giveUpReason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
    assertThat(giveUp().attemptNumber()).isEqualTo(1);
    assertThat(events)
        .extracting(RetryEvent::type)
        .as("the rejected attempt starts and ends like any other, with no back-off")
        .containsExactly(EventType.ATTEMPT, EventType.BEFORE, EventType.AFTER, EventType.GIVE_UP);
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void aBreakerOpenedByTheCallsOwnFailuresRejectsItKeepingTheFailureThatOpenedIt(Face face) {
    Script script = Script.of(new IOException("down"));
    CircuitBreaker breaker = CircuitBreaker.builder("quotes").failureThreshold(2).build();

    Throwable failure =
        face.run(recorded().wait(Wait.none()).maxTries(5).circuitBreaker(breaker), script).failed();

    assertThat(script.calls()).as("two failures open it; the third try is rejected").isEqualTo(2);
    assertThat(failure).isInstanceOf(CircuitOpenException.class);
    assertThat(failure.getSuppressed()).containsExactly(script.lastThrown());
    assertThat(giveUp().giveUpReason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void anEmptyRetryBudgetEndsTheCallWithItsLastFailure(Face face) {
    Script script = Script.of(new IOException("down"));
    RetryBudget budget = RetryBudget.builder().name("quotes").maxTokens(2).build();

    Throwable failure =
        face.run(recorded().wait(Wait.none()).maxTries(5).retryBudget(budget), script).failed();

    assertThat(failure).isSameAs(script.lastThrown());
    assertThat(script.calls()).as("2 tokens, one spent; a retry needs more than 1").isEqualTo(1);
    assertThat(giveUp().giveUpReason()).isEqualTo(GiveUpReason.BUDGET_EXHAUSTED);
    assertThat(giveUp().giveUpReason().description()).isEqualTo("budget exhausted");
  }
}

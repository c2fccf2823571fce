package io.backon.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.stop.Stop;
import io.backon.testfixtures.FakeTime;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Attempt timeouts and deadlines of the blocking faces in fake time: the target moves the clock
 * itself, so counts are exact.
 */
class SyncTimeLimitInFakeTimeTest extends SyncTimeLimitFixture {

  @Nested
  class InFakeTime {

    private final FakeClock clock = new FakeClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);

    private RetryPolicyBuilder policy() {
      return quiet(
          RetryPolicy.builder()
              .clock(clock)
              .scheduler(scheduler)
              .sleeper(new ManualSleeper(clock))
              .executor(Runnable::run));
    }

    @Test
    void timedOutAttemptsRepeatUntilTheDeadlineEndsTheCallAfterFiveAttempts() {
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(MS_100)
                  .deadline(MS_500)
                  .wait(Wait.none())
                  .stop(Stop.never())
                  .build());

      DeadlineExceededException exceeded =
          catchThrowableOfType(
              DeadlineExceededException.class,
              () ->
                  retrying.call(
                      () -> {
                        attempts.incrementAndGet();
                        FakeTime.sleep(clock, SECOND);
                        return "too late";
                      }));

      assertThat(attempts).hasValue(5);
      assertThat(clock.elapsed()).isEqualTo(MS_500);
      assertThat(exceeded.attempts()).isEqualTo(5);
      assertThat(exceeded.deadline()).isEqualTo(MS_500);
      assertThat(exceeded.getCause())
          .isInstanceOfSatisfying(
              AttemptTimeoutException.class,
              timeout -> assertThat(timeout.attemptNumber()).isEqualTo(4));
      assertThat(giveUpEvent().giveUpReason()).isEqualTo(GiveUpReason.DEADLINE_EXCEEDED);
      assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void aWaitThatWouldEndAfterTheDeadlineEndsTheCallAfterTwoAttempts() {
      IOException first = new IOException("down #1");
      IOException second = new IOException("down #2");
      Retrying retrying =
          Retrying.of(
              policy()
                  .deadline(Duration.ofMillis(250))
                  .wait(Wait.constant(Duration.ofMillis(200)))
                  .stop(Stop.never())
                  .build());

      DeadlineExceededException exceeded =
          catchThrowableOfType(
              DeadlineExceededException.class,
              () ->
                  retrying.call(
                      () -> {
                        throw attempts.incrementAndGet() == 1 ? first : second;
                      }));

      assertThat(attempts).hasValue(2);
      assertThat(exceeded.getCause()).isSameAs(second);
      assertThat(exceeded.attempts()).isEqualTo(2);
      assertThat(clock.elapsed())
          .as("ends at once, without waiting for the deadline")
          .isEqualTo(Duration.ofMillis(200));
      assertThat(giveUpEvent().giveUpReason()).isEqualTo(GiveUpReason.DEADLINE_EXCEEDED);
    }

    @Test
    void aTargetGettingFasterSucceedsOnTheFifthAttemptUnderTheAttemptTimeout() throws Exception {
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(Duration.ofMillis(150))
                  .maxTries(5)
                  .wait(Wait.none())
                  .build());

      String value =
          retrying.call(
              () -> {
                int attempt = attempts.incrementAndGet();
                FakeTime.sleep(clock, Duration.ofMillis(600 - 100L * attempt));
                return "served by attempt " + attempt;
              });

      assertThat(value).isEqualTo("served by attempt 5");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(4 * 150 + 100));
      assertThat(events)
          .filteredOn(e -> e.type() == EventType.AFTER)
          .extracting(RetryEvent::failure)
          .hasSize(5)
          .satisfies(
              failures -> {
                assertThat(failures.subList(0, 4))
                    .allMatch(AttemptTimeoutException.class::isInstance);
                assertThat(failures.get(4)).isNull();
              });
    }

    @Test
    void aNonRetryableFailureAfterATimedOutAttemptEndsTheCallAtOnce() {
      IllegalArgumentException invalid = new IllegalArgumentException("bad order");
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(MS_100)
                  .maxTries(5)
                  .wait(Wait.none())
                  .abortOn(IllegalArgumentException.class)
                  .build());

      assertThatThrownBy(
              () ->
                  retrying.call(
                      () -> {
                        if (attempts.incrementAndGet() == 1) {
                          FakeTime.sleep(clock, SECOND);
                        }
                        throw invalid;
                      }))
          .isSameAs(invalid);

      assertThat(attempts).hasValue(2);
      assertThat(clock.elapsed()).isEqualTo(MS_100);
      assertThat(giveUpEvent().giveUpReason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
    }

    @Test
    void theEffectiveAttemptTimeoutIsTheTimeLeftBeforeTheDeadline() {
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(MS_100)
                  .deadline(Duration.ofMillis(250))
                  .wait(Wait.none())
                  .stop(Stop.never())
                  .build());

      DeadlineExceededException exceeded =
          catchThrowableOfType(
              DeadlineExceededException.class,
              () ->
                  retrying.call(
                      () -> {
                        attempts.incrementAndGet();
                        FakeTime.sleep(clock, SECOND);
                        return "too late";
                      }));

      assertThat(attempts).hasValue(3);
      assertThat(clock.elapsed())
          .as("third attempt cut after 50 ms, not 100 ms")
          .isEqualTo(Duration.ofMillis(250));
      assertThat(exceeded.attempts()).isEqualTo(3);
    }

    @Test
    void aDeadlineShorterThanTheAttemptTimeoutCutsTheFirstAttempt() {
      Retrying retrying =
          Retrying.of(policy().attemptTimeout(SECOND).deadline(Duration.ofMillis(250)).build());

      DeadlineExceededException exceeded =
          catchThrowableOfType(
              DeadlineExceededException.class,
              () ->
                  retrying.call(
                      () -> {
                        attempts.incrementAndGet();
                        FakeTime.sleep(clock, Duration.ofSeconds(5));
                        return "too late";
                      }));

      assertThat(attempts).hasValue(1);
      assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(250));
      assertThat(exceeded.attempts()).isEqualTo(1);
      assertThat(exceeded).as("no attempt failed before the deadline").hasNoCause();
    }

    @Test
    void aTargetIgnoringTheInterruptHasItsLateResultDiscarded() throws Exception {
      List<Boolean> interruptedAtStart = new CopyOnWriteArrayList<>();
      List<Boolean> interruptedAtEnd = new CopyOnWriteArrayList<>();
      Retrying retrying =
          Retrying.of(policy().attemptTimeout(MS_100).maxTries(3).wait(Wait.none()).build());

      String value =
          retrying.call(
              () -> {
                interruptedAtStart.add(Thread.currentThread().isInterrupted());
                if (attempts.incrementAndGet() == 1) {
                  interruptedAtEnd.add(
                      FakeTime.spinIgnoringInterrupts(clock, Duration.ofMillis(300)));
                  return "late";
                }
                return "fresh";
              });

      assertThat(value).isEqualTo("fresh");
      assertThat(attempts).hasValue(2);
      assertThat(interruptedAtEnd)
          .as("the timed-out attempt was interrupted")
          .containsExactly(true);
      assertThat(interruptedAtStart)
          .as("no interrupt leaks into the next attempt")
          .containsExactly(false, false);
      RetryEvent firstAfter =
          events.stream()
              .filter(e -> e.type() == EventType.AFTER && e.attemptNumber() == 1)
              .findFirst()
              .orElseThrow();
      assertThat(firstAfter.value()).isNull();
      assertThat(firstAfter.failure()).isInstanceOf(AttemptTimeoutException.class);
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aTimedOutLastAttemptFailsWithAnAttemptTimeoutNamingAttemptAndTimeout() {
      Retrying retrying = Retrying.of(policy().attemptTimeout(MS_100).maxTries(1).build());

      AttemptTimeoutException timeout =
          catchThrowableOfType(
              AttemptTimeoutException.class,
              () ->
                  retrying.call(
                      Invocation.of("Inventory.reserve", "sku-1"),
                      () -> {
                        FakeTime.spinIgnoringInterrupts(clock, Duration.ofMillis(300));
                        return "late";
                      }));

      assertThat(timeout).hasMessage("Attempt 1 of Inventory.reserve timed out after 100ms");
      assertThat(timeout.attemptNumber()).isEqualTo(1);
      assertThat(timeout.timeout()).isEqualTo(MS_100);
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void whatAnInterruptedTargetThrewIsKeptAsSuppressed() {
      Retrying retrying = Retrying.of(policy().attemptTimeout(MS_100).maxTries(1).build());

      AttemptTimeoutException timeout =
          catchThrowableOfType(
              AttemptTimeoutException.class,
              () ->
                  retrying.call(
                      () -> {
                        FakeTime.sleep(clock, SECOND);
                        return "too late";
                      }));

      assertThat(timeout.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
    }

    @Test
    void attemptTimeoutsAreRetriedEvenWhenOnlyOtherTypesAreRetried() throws Exception {
      Retrying retrying =
          Retrying.of(
              policy().attemptTimeout(MS_100).retryOn(IOException.class).wait(Wait.none()).build());

      String value =
          retrying.call(
              () -> {
                if (attempts.incrementAndGet() == 1) {
                  FakeTime.sleep(clock, SECOND);
                }
                return "ok";
              });

      assertThat(value).isEqualTo("ok");
      assertThat(attempts).hasValue(2);
    }

    @Test
    void anAttemptFinishingInTimeIsNotInterrupted() throws Exception {
      Retrying retrying = Retrying.of(policy().attemptTimeout(MS_100).build());

      String value =
          retrying.call(
              () -> {
                attempts.incrementAndGet();
                FakeTime.sleep(clock, Duration.ofMillis(90));
                return "in time";
              });

      assertThat(value).isEqualTo("in time");
      assertThat(attempts).hasValue(1);
      clock.advance(SECOND);
      assertThat(Thread.currentThread().isInterrupted())
          .as("the cancelled guard never fires")
          .isFalse();
      assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void anAttemptTimeoutAloneStillMeasuresElapsedTimeFromTheStartOfTheCall() throws Exception {
      List<Duration> elapsedSeenByWait = new CopyOnWriteArrayList<>();
      Retrying retrying =
          Retrying.of(
              RetryPolicy.builder()
                  .clock(clock)
                  .scheduler(scheduler)
                  .sleeper(new ManualSleeper(clock))
                  .jitter(Jitter.none())
                  .backoffLogLevel(Level.OFF)
                  .giveUpLogLevel(Level.OFF)
                  .attemptTimeout(MS_100)
                  .wait(
                      Wait.runtime(
                          state -> {
                            elapsedSeenByWait.add(state.elapsed());
                            return Duration.ZERO;
                          }))
                  .build());

      retrying.call(
          () -> {
            if (attempts.incrementAndGet() == 1) {
              FakeTime.sleep(clock, SECOND);
            }
            return "ok";
          });

      assertThat(elapsedSeenByWait).containsExactly(MS_100);
    }
  }
}

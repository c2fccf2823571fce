package io.backon.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.GiveUpReason;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.stop.Stop;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Attempt timeouts and deadlines of the blocking faces in real time: a sleeping target on the
 * caller's thread is interrupted there (generous bounds).
 */
class SyncTimeLimitInRealTimeTest extends SyncTimeLimitFixture {

  @Nested
  class InRealTime {

    private final ThreadLocal<String> tenant = new ThreadLocal<>();

    private RetryPolicyBuilder policy() {
      return quiet(RetryPolicy.builder());
    }

    @AfterEach
    void clearTenant() {
      tenant.remove();
    }

    @Test
    void theTargetRunsOnTheCallersThreadAndIsInterruptedThere() {
      Thread caller = Thread.currentThread();
      tenant.set("acme");
      List<Thread> threads = new CopyOnWriteArrayList<>();
      List<String> tenants = new CopyOnWriteArrayList<>();
      List<Throwable> thrownInside = new CopyOnWriteArrayList<>();
      Retrying retrying =
          Retrying.of(policy().attemptTimeout(MS_100).maxTries(2).wait(Wait.none()).build());
      long started = System.nanoTime();

      assertThatThrownBy(
              () ->
                  retrying.call(
                      () -> {
                        threads.add(Thread.currentThread());
                        tenants.add(tenant.get());
                        try {
                          Thread.sleep(10_000);
                        } catch (InterruptedException interrupted) {
                          thrownInside.add(interrupted);
                          throw interrupted;
                        }
                        return "too late";
                      }))
          .isInstanceOf(AttemptTimeoutException.class);

      assertThat(threads).containsExactly(caller, caller);
      assertThat(tenants).containsExactly("acme", "acme");
      assertThat(thrownInside).hasSize(2).allMatch(InterruptedException.class::isInstance);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
      assertThat(tenant.get()).isEqualTo("acme");
    }

    @Test
    void sleepingAttemptsAreInterruptedUntilTheDeadlineEndsTheCallAfterFiveAttempts() {
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(MS_100)
                  .deadline(MS_500)
                  .wait(Wait.none())
                  .stop(Stop.never())
                  .build());
      long started = System.nanoTime();

      DeadlineExceededException exceeded =
          catchThrowableOfType(
              DeadlineExceededException.class,
              () ->
                  retrying.call(
                      () -> {
                        attempts.incrementAndGet();
                        Thread.sleep(1_000);
                        return "too late";
                      }));

      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      assertThat(elapsed).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
      assertThat(attempts).hasValue(5);
      assertThat(exceeded.attempts()).isEqualTo(5);
      assertThat(exceeded.getCause()).isInstanceOf(AttemptTimeoutException.class);
    }

    @Test
    void aRealWaitThatWouldEndAfterTheDeadlineEndsTheCallAfterTwoAttempts() {
      IOException first = new IOException("down #1");
      IOException second = new IOException("down #2");
      Retrying retrying =
          Retrying.of(
              policy()
                  .deadline(Duration.ofMillis(250))
                  .wait(Wait.constant(Duration.ofMillis(200)))
                  .stop(Stop.never())
                  .build());
      long started = System.nanoTime();

      DeadlineExceededException exceeded =
          catchThrowableOfType(
              DeadlineExceededException.class,
              () ->
                  retrying.call(
                      () -> {
                        throw attempts.incrementAndGet() == 1 ? first : second;
                      }));

      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(Duration.ofMillis(200), Duration.ofSeconds(3));
      assertThat(attempts).hasValue(2);
      assertThat(exceeded.getCause()).isSameAs(second);
    }

    @Test
    void aSleepingTargetGettingFasterSucceedsOnTheFifthAttempt() throws Exception {
      // at least 500 ms between each sleep and the timeout, so a loaded machine cannot blur them
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(Duration.ofMillis(500))
                  .maxTries(5)
                  .wait(Wait.none())
                  .build());

      String value =
          retrying.call(
              () -> {
                int attempt = attempts.incrementAndGet();
                Thread.sleep(5_000 - 1_000L * attempt);
                return "served by attempt " + attempt;
              });

      assertThat(value).isEqualTo("served by attempt 5");
      assertThat(attempts).hasValue(5);
    }

    @Test
    void aNonRetryableFailureAfterAnInterruptedAttemptEndsTheCallAtOnce() {
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
                          Thread.sleep(10_000);
                        }
                        throw invalid;
                      }))
          .isSameAs(invalid);

      assertThat(attempts).hasValue(2);
      assertThat(giveUpEvent().giveUpReason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
    }
  }
}

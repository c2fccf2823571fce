package io.backon.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.backon.Attempt;
import io.backon.AttemptTimeoutException;
import io.backon.Attempts;
import io.backon.DeadlineExceededException;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The iterator face honours the attempt timeout and the deadline as far as a loop body the engine
 * does not run allows: an attempt reported late counts as timed out, and one reported after the
 * deadline ends the call with {@link DeadlineExceededException}.
 */
class IteratorTimeLimitTest {

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);

  private RetryPolicyBuilder policy() {
    return RetryPolicy.builder().clock(clock).sleeper(sleeper).wait(Wait.none()).maxTries(3);
  }

  @Test
  void anAttemptReportedAfterTheAttemptTimeoutCountsAsTimedOutAndIsRetried() throws Exception {
    Attempts<String> attempts =
        Retrying.of(policy().attemptTimeout(Duration.ofMillis(100)).build()).attempts();
    List<Integer> numbers = new ArrayList<>();

    for (Attempt<String> attempt : attempts) {
      numbers.add(attempt.number());
      if (attempt.number() == 1) {
        clock.advance(Duration.ofMillis(150));
      }
      attempt.succeed("value " + attempt.number());
    }

    assertThat(numbers).containsExactly(1, 2);
    assertThat(attempts.result()).isEqualTo("value 2");
  }

  @Test
  void aLateLastAttemptFailsWithAnAttemptTimeoutKeepingItsOwnFailureSuppressed() {
    IOException down = new IOException("down");
    Attempts<String> attempts =
        Retrying.of(policy().maxTries(1).attemptTimeout(Duration.ofMillis(100)).build()).attempts();

    for (Attempt<String> attempt : attempts) {
      clock.advance(Duration.ofMillis(100));
      attempt.fail(down);
    }

    AttemptTimeoutException timedOut =
        catchThrowableOfType(AttemptTimeoutException.class, attempts::result);
    assertThat(timedOut.getSuppressed()).containsExactly(down);
  }

  @Test
  void anAttemptReportedAfterTheDeadlineEndsTheCallWithDeadlineExceeded() {
    IOException down = new IOException("down");
    Attempts<String> attempts =
        Retrying.of(policy().maxTries(5).deadline(Duration.ofSeconds(1)).build()).attempts();
    int made = 0;

    for (Attempt<String> attempt : attempts) {
      made++;
      clock.advance(Duration.ofMillis(600));
      attempt.fail(down);
    }

    DeadlineExceededException exceeded =
        catchThrowableOfType(DeadlineExceededException.class, attempts::result);
    assertThat(made).isEqualTo(2);
    assertThat(exceeded.attempts()).isEqualTo(2);
    assertThat(exceeded.getCause()).isSameAs(down);
  }

  @Test
  void aSuccessReportedAfterTheDeadlineIsNotAccepted() {
    Attempts<String> attempts =
        Retrying.of(policy().deadline(Duration.ofSeconds(1)).build()).attempts();

    for (Attempt<String> attempt : attempts) {
      clock.advance(Duration.ofSeconds(2));
      attempt.succeed("too late");
    }

    assertThat(catchThrowableOfType(DeadlineExceededException.class, attempts::result)).isNotNull();
  }

  @Test
  void aLateAttemptReleasesItsBreakerPermissionInsteadOfCountingAsAnOutcome() {
    CircuitBreaker breaker = CircuitBreaker.builder("late").clock(clock).build();
    Attempts<String> attempts =
        Retrying.of(policy().deadline(Duration.ofSeconds(1)).circuitBreaker(breaker).build())
            .attempts();

    for (Attempt<String> attempt : attempts) {
      clock.advance(Duration.ofSeconds(2));
      attempt.fail(new IOException("down"));
    }

    assertThat(breaker.snapshot().bufferedCalls()).isZero();
  }
}

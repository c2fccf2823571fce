package io.backon.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.GiveUpReason;
import io.backon.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeLimitValidationTest {

  @Test
  void attemptTimeoutMustBePositive() {
    assertThatThrownBy(() -> RetryPolicy.builder().attemptTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attemptTimeout must be > 0 but was PT0S");
    assertThatThrownBy(() -> RetryPolicy.builder().attemptTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attemptTimeout must be > 0 but was PT-1S");
  }

  @Test
  void deadlineMustBePositive() {
    assertThatThrownBy(() -> RetryPolicy.builder().deadline(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadline must be > 0 but was PT-1S");
    assertThatThrownBy(() -> RetryPolicy.builder().deadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadline must be > 0 but was PT0S");
  }

  @Test
  void nullTimeLimitsNameTheParameter() {
    assertThatThrownBy(() -> RetryPolicy.builder().attemptTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("attemptTimeout");
    assertThatThrownBy(() -> RetryPolicy.builder().deadline(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("deadline");
  }

  @Test
  void timeLimitsAreUnsetByDefaultAndKeptInCopies() {
    RetryPolicy defaults = RetryPolicy.defaults();
    assertThat(defaults.attemptTimeoutNanos()).isEqualTo(-1L);
    assertThat(defaults.deadlineNanos()).isEqualTo(-1L);

    RetryPolicy limited =
        RetryPolicy.builder()
            .attemptTimeout(Duration.ofMillis(100))
            .deadline(Duration.ofMillis(500))
            .build();
    RetryPolicy copy = limited.toBuilder().maxTries(7).build();

    assertThat(copy.attemptTimeoutNanos()).isEqualTo(Duration.ofMillis(100).toNanos());
    assertThat(copy.deadlineNanos()).isEqualTo(Duration.ofMillis(500).toNanos());
    assertThat(copy.toString()).contains("attemptTimeout=PT0.1S", "deadline=PT0.5S");
  }

  @Test
  void attemptTimeoutsStayRetryableWhenTheRetriedTypesAreNarrowed() {
    RetryPolicy policy = RetryPolicy.builder().retryOn(IOException.class).build();

    assertThat(
            policy
                .retryCondition()
                .shouldRetry(null, new AttemptTimeoutException("t", 1, Duration.ofMillis(5))))
        .isTrue();
    assertThat(policy.retryCondition().shouldRetry(null, new IllegalStateException())).isFalse();
  }

  @Test
  void attemptTimeoutExceptionNamesTheAttemptTargetAndTimeout() {
    AttemptTimeoutException timeout =
        new AttemptTimeoutException("Inventory.reserve", 3, Duration.ofMillis(150));

    assertThat(timeout).hasMessage("Attempt 3 of Inventory.reserve timed out after 150ms");
    assertThat(timeout.attemptNumber()).isEqualTo(3);
    assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(150));
  }

  @Test
  void deadlineExceededExceptionCarriesTheLastFailureAsCause() {
    IOException last = new IOException("down");

    DeadlineExceededException exceeded =
        new DeadlineExceededException("Inventory.reserve", Duration.ofMillis(500), 5, last);

    assertThat(exceeded)
        .hasCause(last)
        .hasMessage(
            "Deadline of 500ms exceeded for Inventory.reserve after 5 attempts; "
                + "last failure: java.io.IOException: down");
    assertThat(exceeded.deadline()).isEqualTo(Duration.ofMillis(500));
    assertThat(exceeded.attempts()).isEqualTo(5);
    assertThat(new DeadlineExceededException("t", Duration.ofSeconds(1), 1, null))
        .hasNoCause()
        .hasMessage("Deadline of 1s exceeded for t after 1 attempt");
    assertThat(GiveUpReason.DEADLINE_EXCEEDED).hasToString("deadline exceeded");
  }
}

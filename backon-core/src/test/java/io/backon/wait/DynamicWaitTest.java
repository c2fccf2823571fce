package io.backon.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.RetryState;
import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DynamicWaitTest {

  /** A failure that carries a server's {@code Retry-After}. */
  static final class RetryAfterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final @Nullable Duration retryAfter;

    RetryAfterException(@Nullable Duration retryAfter) {
      super("429 Too Many Requests");
      this.retryAfter = retryAfter;
    }
  }

  private static final Function<Throwable, @Nullable Duration> RETRY_AFTER =
      failure -> failure instanceof RetryAfterException e ? e.retryAfter : null;

  @Test
  void runtimeWaitsWhatTheFunctionComputesFromTheLastResult() {
    Wait wait = Wait.runtime(state -> Duration.ofSeconds((Integer) state.lastResult()));

    assertThat(wait.nextWaitNanos(new TestRetryState().result(7)))
        .isEqualTo(Duration.ofSeconds(7).toNanos());
  }

  @Test
  void runtimeSeesTheWholeState() {
    Wait wait = Wait.runtime(state -> Duration.ofMillis(100L * state.attemptNumber()));

    assertThat(wait.nextWaitNanos(TestRetryState.afterAttempt(3)))
        .isEqualTo(Duration.ofMillis(300).toNanos());
  }

  @Test
  void runtimeTreatsNullAndNegativeDurationsAsNoWait() {
    assertThat(Wait.runtime(state -> null).nextWaitNanos(new TestRetryState())).isZero();
    assertThat(Wait.runtime(state -> Duration.ofSeconds(-5)).nextWaitNanos(new TestRetryState()))
        .isZero();
  }

  @Test
  void runtimeSaturatesHugeDurations() {
    Wait wait = Wait.runtime(state -> Duration.ofSeconds(Long.MAX_VALUE));

    assertThat(wait.nextWaitNanos(new TestRetryState())).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void exceptionWaitsWhatTheFailureAsksFor() {
    Wait wait = Wait.exception(RETRY_AFTER);
    RetryState state =
        new TestRetryState().failure(new RetryAfterException(Duration.ofSeconds(30)));

    assertThat(wait.nextWaitNanos(state)).isEqualTo(Duration.ofSeconds(30).toNanos());
  }

  @Test
  void exceptionDoesNotWaitWhenTheAttemptDidNotFail() {
    Wait wait = Wait.exception(failure -> Duration.ofSeconds(30));

    assertThat(wait.nextWaitNanos(new TestRetryState().result("retry me"))).isZero();
  }

  @Test
  void exceptionTreatsNullAndNegativeDurationsAsNoWait() {
    Wait wait = Wait.exception(RETRY_AFTER);

    assertThat(wait.nextWaitNanos(new TestRetryState().failure(new IllegalStateException())))
        .isZero();
    assertThat(wait.nextWaitNanos(new TestRetryState().failure(new RetryAfterException(null))))
        .isZero();
    assertThat(
            wait.nextWaitNanos(
                new TestRetryState().failure(new RetryAfterException(Duration.ofSeconds(-1)))))
        .isZero();
  }

  @Test
  void dynamicWaitsPropagateExceptionsFromTheFunction() {
    Wait wait =
        Wait.runtime(
            state -> {
              throw new IllegalStateException("boom");
            });

    assertThatThrownBy(() -> wait.nextWaitNanos(new TestRetryState()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
  }

  @Test
  void dynamicWaitsRejectNullFunctions() {
    assertThatThrownBy(() -> Wait.runtime(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("function");
    assertThatThrownBy(() -> Wait.exception(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("function");
  }

  @Test
  void dynamicWaitsDescribeTheirFunction() {
    Function<Throwable, @Nullable Duration> named =
        new Function<>() {
          @Override
          public @Nullable Duration apply(Throwable failure) {
            return null;
          }

          @Override
          public String toString() {
            return "retryAfterHeader";
          }
        };

    assertThat(Wait.exception(named)).hasToString("exception(retryAfterHeader)");
    assertThat(Wait.runtime(state -> null).toString()).startsWith("runtime(");
    assertThat(Wait.exception(named)).isEqualTo(Wait.exception(named));
  }
}

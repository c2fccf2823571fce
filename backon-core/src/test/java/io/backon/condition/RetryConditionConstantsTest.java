package io.backon.condition;

import static io.backon.condition.Outcomes.VALUE;
import static io.backon.condition.Outcomes.retriesFailure;
import static io.backon.condition.Outcomes.retriesValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The conditions that need no arguments: always, never and the default. */
class RetryConditionConstantsTest {

  @Nested
  class Constants {

    @Test
    void alwaysRetriesEveryOutcome() {
      RetryCondition always = RetryCondition.always();

      assertThat(retriesFailure(always, new Error())).isTrue();
      assertThat(retriesFailure(always, new InterruptedException())).isTrue();
      assertThat(retriesValue(always, VALUE)).isTrue();
      assertThat(retriesValue(always, null)).isTrue();
      assertThat(always).hasToString("always()");
    }

    @Test
    void neverRetriesAnything() {
      RetryCondition never = RetryCondition.never();

      assertThat(retriesFailure(never, new IOException())).isFalse();
      assertThat(retriesValue(never, VALUE)).isFalse();
      assertThat(never).hasToString("never()");
    }

    @Test
    void negatingAConstantGivesTheOther() {
      assertThat(RetryCondition.always().negate()).isSameAs(RetryCondition.never());
      assertThat(RetryCondition.never().negate()).isSameAs(RetryCondition.always());
    }
  }

  @Nested
  class Default {

    private final RetryCondition defaults = RetryCondition.DEFAULT;

    @Test
    void retriesCheckedAndUncheckedExceptions() {
      assertThat(retriesFailure(defaults, new IOException())).isTrue();
      assertThat(retriesFailure(defaults, new IllegalStateException())).isTrue();
      assertThat(retriesFailure(defaults, new TimeoutException())).isTrue();
    }

    @Test
    void neverRetriesAnError() {
      assertThat(retriesFailure(defaults, new OutOfMemoryError())).isFalse();
      assertThat(retriesFailure(defaults, new AssertionError())).isFalse();
    }

    @Test
    void neverRetriesAnInterruption() {
      assertThat(retriesFailure(defaults, new InterruptedException())).isFalse();
    }

    @Test
    void neverRetriesAValue() {
      assertThat(retriesValue(defaults, VALUE)).isFalse();
      assertThat(retriesValue(defaults, null)).isFalse();
    }

    @Test
    void readsAsWhatItDoes() {
      assertThat(defaults).hasToString("onException(Exception).abortingOn(InterruptedException)");
    }
  }
}

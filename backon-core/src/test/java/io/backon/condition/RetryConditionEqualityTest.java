package io.backon.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Conditions built from the same parts are equal values (a policy's equality and its Actuator
 * description rely on it); different parts, or the same parts combined differently, are not.
 */
class RetryConditionEqualityTest {

  private final RetryCondition io = RetryCondition.onException(IOException.class);
  private final RetryCondition timedOut = RetryCondition.onException(TimeoutException.class);

  @Test
  void onExceptionOrCauseIsEqualForTheSameTypesInTheSameOrder() {
    assertThat(RetryCondition.onExceptionOrCause(IOException.class, TimeoutException.class))
        .isEqualTo(RetryCondition.onExceptionOrCause(IOException.class, TimeoutException.class))
        .hasSameHashCodeAs(
            RetryCondition.onExceptionOrCause(IOException.class, TimeoutException.class))
        .isNotEqualTo(RetryCondition.onExceptionOrCause(TimeoutException.class, IOException.class))
        .isNotEqualTo(RetryCondition.onException(IOException.class, TimeoutException.class));
  }

  @Test
  void allIsEqualForTheSameConditionsInTheSameOrder() {
    assertThat(RetryCondition.all(io, timedOut))
        .isEqualTo(io.and(timedOut))
        .hasSameHashCodeAs(io.and(timedOut))
        .isNotEqualTo(RetryCondition.all(timedOut, io))
        .isNotEqualTo(RetryCondition.any(io, timedOut));
  }

  @Test
  void abortingIsEqualForTheSameConditionAndAbortTypes() {
    RetryCondition aborting = io.abortingOn(FileNotFoundException.class);

    assertThat(aborting)
        .isEqualTo(RetryCondition.abortOn(io, FileNotFoundException.class))
        .hasSameHashCodeAs(RetryCondition.abortOn(io, FileNotFoundException.class))
        .isNotEqualTo(timedOut.abortingOn(FileNotFoundException.class))
        .isNotEqualTo(io.abortingOn(IllegalStateException.class))
        .isNotEqualTo(io);
  }
}

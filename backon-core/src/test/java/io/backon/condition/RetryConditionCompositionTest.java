package io.backon.condition;

import static io.backon.condition.Outcomes.VALUE;
import static io.backon.condition.Outcomes.retriesFailure;
import static io.backon.condition.Outcomes.retriesValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Conditions combined with and, or, negation, all, any and abort types; a lambda combines like the
 * built-in ones.
 */
class RetryConditionCompositionTest {

  @Nested
  class Composition {

    private final RetryCondition io = RetryCondition.onException(IOException.class);
    private final RetryCondition timedOut = RetryCondition.onMessageContaining("timed out");

    @Test
    void andRetriesOnlyWhenBothDo() {
      RetryCondition ioTimeout = io.and(timedOut);

      assertThat(retriesFailure(ioTimeout, new IOException("timed out"))).isTrue();
      assertThat(retriesFailure(ioTimeout, new IOException("reset"))).isFalse();
      assertThat(retriesFailure(ioTimeout, new IllegalStateException("timed out"))).isFalse();
    }

    @Test
    void orRetriesWhenEitherDoes() {
      RetryCondition ioOrTimeout = io.or(timedOut);

      assertThat(retriesFailure(ioOrTimeout, new IOException("reset"))).isTrue();
      assertThat(retriesFailure(ioOrTimeout, new IllegalStateException("timed out"))).isTrue();
      assertThat(retriesFailure(ioOrTimeout, new IllegalStateException("bad"))).isFalse();
    }

    @Test
    void combinesFailureAndValueConditions() {
      RetryCondition ioOrNull = io.or(RetryCondition.onResult(Objects::isNull));

      assertThat(retriesFailure(ioOrNull, new IOException())).isTrue();
      assertThat(retriesValue(ioOrNull, null)).isTrue();
      assertThat(retriesValue(ioOrNull, VALUE)).isFalse();
    }

    @Test
    void negateFlipsEveryOutcomeValuesIncluded() {
      RetryCondition notIo = io.negate();

      assertThat(retriesFailure(notIo, new IOException())).isFalse();
      assertThat(retriesFailure(notIo, new IllegalStateException())).isTrue();
      assertThat(retriesValue(notIo, VALUE)).isTrue();
      assertThat(notIo).hasToString("not(onException(IOException))");
    }

    @Test
    void negatingTwiceGivesTheConditionBack() {
      assertThat(io.negate().negate()).isSameAs(io);
    }

    @Test
    void allAndAnyFollowBooleanLogic() {
      RetryCondition yes = RetryCondition.always();
      RetryCondition no = RetryCondition.never();

      assertThat(retriesValue(RetryCondition.all(yes, yes, yes), VALUE)).isTrue();
      assertThat(retriesValue(RetryCondition.all(yes, no, yes), VALUE)).isFalse();
      assertThat(retriesValue(RetryCondition.any(no, no, yes), VALUE)).isTrue();
      assertThat(retriesValue(RetryCondition.any(no, no), VALUE)).isFalse();
    }

    @Test
    void shortCircuits() {
      RetryCondition exploding =
          (result, failure) -> {
            throw new AssertionError("should not be asked");
          };

      assertThat(retriesValue(RetryCondition.any(RetryCondition.always(), exploding), VALUE))
          .isTrue();
      assertThat(retriesValue(RetryCondition.all(RetryCondition.never(), exploding), VALUE))
          .isFalse();
    }

    @Test
    void readsAsAFlatList() {
      RetryCondition condition =
          io.or(timedOut).or(RetryCondition.onExceptionOrCause(TimeoutException.class));

      assertThat(condition)
          .hasToString(
              "any(onException(IOException), onMessageContaining(\"timed out\"),"
                  + " onExceptionOrCause(TimeoutException))");
      assertThat(io.and(timedOut).and(RetryCondition.always()))
          .hasToString(
              "all(onException(IOException), onMessageContaining(\"timed out\"), always())");
      assertThat(RetryCondition.all(io.or(timedOut), RetryCondition.never()))
          .hasToString(
              "all(any(onException(IOException), onMessageContaining(\"timed out\")), never())");
    }

    @Test
    void aSingleElementIsItself() {
      assertThat(RetryCondition.any(io)).isSameAs(io);
      assertThat(RetryCondition.all(io)).isSameAs(io);
    }

    @Test
    void equalCompositesAreEqual() {
      assertThat(io.or(timedOut))
          .isEqualTo(RetryCondition.any(io, timedOut))
          .hasSameHashCodeAs(RetryCondition.any(io, timedOut))
          .isNotEqualTo(io.and(timedOut));
    }

    @Test
    void copiesTheArray() {
      RetryCondition[] conditions = {RetryCondition.never(), RetryCondition.never()};
      RetryCondition any = RetryCondition.any(conditions);

      conditions[1] = RetryCondition.always();

      assertThat(retriesValue(any, VALUE)).isFalse();
    }

    @Test
    void rejectsNoElements() {
      assertThatThrownBy(RetryCondition::any)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("conditions must not be empty");
      assertThatThrownBy(RetryCondition::all)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("conditions must not be empty");
    }

    @Test
    void rejectsNullElements() {
      assertThatThrownBy(() -> RetryCondition.any(io, null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("conditions[1] must not be null");
      assertThatThrownBy(() -> RetryCondition.all((RetryCondition[]) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("conditions must not be null");
    }

    @Test
    void rejectsANullOther() {
      assertThatThrownBy(() -> io.and(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("other must not be null");
      assertThatThrownBy(() -> io.or(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("other must not be null");
    }
  }

  @Nested
  class Aborting {

    private final RetryCondition io = RetryCondition.onException(IOException.class);

    @Test
    void abortTypesWinOverRetryTypes() {
      RetryCondition condition = io.abortingOn(FileNotFoundException.class);

      assertThat(retriesFailure(condition, new FileNotFoundException())).isFalse();
      assertThat(retriesFailure(condition, new IOException())).isTrue();
    }

    @Test
    void otherOutcomesAreDecidedByTheDelegate() {
      RetryCondition condition =
          RetryCondition.abortOn(RetryCondition.always(), IllegalArgumentException.class);

      assertThat(retriesFailure(condition, new IllegalStateException())).isTrue();
      assertThat(retriesValue(condition, VALUE)).isTrue();
      assertThat(retriesFailure(condition, new NumberFormatException())).isFalse();
    }

    @Test
    void abortsOnSeveralTypesAtOnce() {
      RetryCondition condition =
          RetryCondition.abortOn(
              RetryCondition.always(), FileNotFoundException.class, SocketTimeoutException.class);

      assertThat(retriesFailure(condition, new FileNotFoundException())).isFalse();
      assertThat(retriesFailure(condition, new SocketTimeoutException())).isFalse();
      assertThat(retriesFailure(condition, new IOException())).isTrue();
      assertThat(condition)
          .hasToString("always().abortingOn(FileNotFoundException, SocketTimeoutException)");
    }

    @Test
    void chainedAbortTypesAddUp() {
      RetryCondition condition =
          io.abortingOn(FileNotFoundException.class).abortingOn(SocketTimeoutException.class);

      assertThat(retriesFailure(condition, new FileNotFoundException())).isFalse();
      assertThat(retriesFailure(condition, new SocketTimeoutException())).isFalse();
      assertThat(retriesFailure(condition, new IOException())).isTrue();
      assertThat(condition)
          .hasToString(
              "onException(IOException).abortingOn(FileNotFoundException, SocketTimeoutException)")
          .isEqualTo(
              RetryCondition.abortOn(
                  io, FileNotFoundException.class, SocketTimeoutException.class));
    }

    @Test
    void rejectsBadArguments() {
      assertThatThrownBy(() -> io.abortingOn(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("abortTypes[0] must not be null");
      assertThatThrownBy(() -> RetryCondition.abortOn(io))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("abortTypes must not be empty");
      assertThatThrownBy(() -> RetryCondition.abortOn(null, IOException.class))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("condition must not be null");
    }
  }

  @Test
  void aLambdaIsACondition() {
    RetryCondition onlyFirstFailure = (result, failure) -> failure != null;

    assertThat(retriesFailure(onlyFirstFailure.and(RetryCondition.DEFAULT), new IOException()))
        .isTrue();
    assertThat(retriesFailure(onlyFirstFailure.and(RetryCondition.DEFAULT), new Error())).isFalse();
  }
}

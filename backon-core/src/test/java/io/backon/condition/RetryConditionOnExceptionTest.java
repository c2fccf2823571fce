package io.backon.condition;

import static io.backon.condition.Outcomes.VALUE;
import static io.backon.condition.Outcomes.retriesFailure;
import static io.backon.condition.Outcomes.retriesValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Conditions on the type of the failure: the failure itself, or anywhere in its cause chain. */
class RetryConditionOnExceptionTest {

  @Nested
  class OnException {

    private final RetryCondition ioOrTimeout =
        RetryCondition.onException(IOException.class, TimeoutException.class);

    @Test
    void retriesFailuresOfTheGivenTypes() {
      assertThat(retriesFailure(ioOrTimeout, new IOException())).isTrue();
      assertThat(retriesFailure(ioOrTimeout, new TimeoutException())).isTrue();
    }

    @Test
    void retriesSubtypes() {
      assertThat(retriesFailure(ioOrTimeout, new SocketTimeoutException())).isTrue();
    }

    @Test
    void doesNotRetryOtherFailures() {
      assertThat(retriesFailure(ioOrTimeout, new IllegalStateException())).isFalse();
    }

    @Test
    void doesNotLookAtCauses() {
      assertThat(retriesFailure(ioOrTimeout, new RuntimeException(new IOException()))).isFalse();
    }

    @Test
    void neverRetriesValues() {
      assertThat(retriesValue(ioOrTimeout, VALUE)).isFalse();
      assertThat(retriesValue(ioOrTimeout, null)).isFalse();
    }

    @Test
    void readsAsTheSimpleNamesOfItsTypes() {
      assertThat(ioOrTimeout).hasToString("onException(IOException, TimeoutException)");
    }

    @Test
    void isAValue() {
      assertThat(ioOrTimeout)
          .isEqualTo(RetryCondition.onException(IOException.class, TimeoutException.class))
          .hasSameHashCodeAs(RetryCondition.onException(IOException.class, TimeoutException.class))
          .isNotEqualTo(RetryCondition.onException(IOException.class))
          .isNotEqualTo(
              RetryCondition.onExceptionOrCause(IOException.class, TimeoutException.class));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void copiesTheArray() {
      Class<? extends Throwable>[] types = new Class[] {IOException.class};
      RetryCondition condition = RetryCondition.onException(types);

      types[0] = IllegalStateException.class;

      assertThat(retriesFailure(condition, new IOException())).isTrue();
      assertThat(retriesFailure(condition, new IllegalStateException())).isFalse();
    }

    @Test
    void rejectsNoTypes() {
      assertThatThrownBy(RetryCondition::onException)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("types must not be empty");
    }

    @Test
    void rejectsANullType() {
      assertThatThrownBy(() -> RetryCondition.onException(IOException.class, null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("types[1] must not be null");
      assertThatThrownBy(() -> RetryCondition.onException((Class<? extends Throwable>[]) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("types must not be null");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void rejectsATypeThatIsNotAThrowableSmuggledInThroughARawArray() {
      Class[] types = {IOException.class, String.class};

      assertThatThrownBy(() -> RetryCondition.onException(types))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("types[1] must be a Throwable type but was java.lang.String");
    }
  }

  @Nested
  class OnExceptionOrCause {

    private final RetryCondition io = RetryCondition.onExceptionOrCause(IOException.class);

    @Test
    void retriesTheTypeItself() {
      assertThat(retriesFailure(io, new FileNotFoundException())).isTrue();
    }

    @Test
    void retriesAWrappedCause() {
      UncheckedIOException wrapped = new UncheckedIOException(new IOException("reset"));

      assertThat(retriesFailure(io, wrapped)).isTrue();
    }

    @Test
    void retriesACauseDeepInTheChain() {
      Throwable chain =
          new CompletionException(new ExecutionException(new RuntimeException(new IOException())));

      assertThat(retriesFailure(io, chain)).isTrue();
    }

    @Test
    void doesNotRetryAChainWithoutTheType() {
      Throwable chain = new CompletionException(new IllegalStateException(new Error()));

      assertThat(retriesFailure(io, chain)).isFalse();
    }

    @Test
    void endsOnACyclicChain() {
      RuntimeException first = new RuntimeException("first");
      IllegalStateException second = new IllegalStateException("second");
      first.initCause(second);
      second.initCause(first);

      assertThat(retriesFailure(io, first)).isFalse();
      assertThat(
              retriesFailure(RetryCondition.onExceptionOrCause(IllegalStateException.class), first))
          .isTrue();
    }

    @Test
    void findsATypeAtTheEndOfALongCycleEntry() {
      // a -> b -> c -> d -> e -> c: the cycle starts after two links; e is still inspected.
      Throwable e = new TimeoutException("e");
      Throwable d = new RuntimeException("d", e);
      Throwable c = new RuntimeException("c", d);
      Throwable b = new RuntimeException("b", c);
      Throwable a = new RuntimeException("a", b);
      e.initCause(c);

      assertThat(retriesFailure(RetryCondition.onExceptionOrCause(TimeoutException.class), a))
          .isTrue();
      assertThat(retriesFailure(io, a)).isFalse();
    }

    @Test
    void endsOnAThrowableThatIsItsOwnCause() {
      Throwable selfCaused =
          new RuntimeException("loop") {
            @Override
            public synchronized Throwable getCause() {
              return this;
            }
          };

      assertThat(retriesFailure(io, selfCaused)).isFalse();
    }

    @Test
    void walksACycleOnlyOnceRatherThanUpToTheLengthLimit() {
      AtomicInteger causesAsked = new AtomicInteger();
      Throwable selfCaused =
          new RuntimeException("loop") {
            @Override
            public synchronized Throwable getCause() {
              causesAsked.incrementAndGet();
              return this;
            }
          };

      retriesFailure(io, selfCaused);

      assertThat(causesAsked.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void inspectsAtMostSixtyFourThrowablesOfAVeryLongChain() {
      Throwable within = new IOException("63 links down");
      for (int i = 0; i < 63; i++) {
        within = new RuntimeException(within);
      }
      Throwable beyond = new IOException("64 links down");
      for (int i = 0; i < 64; i++) {
        beyond = new RuntimeException(beyond);
      }

      assertThat(retriesFailure(io, within)).isTrue();
      assertThat(retriesFailure(io, beyond)).isFalse();
    }

    @Test
    void neverRetriesValues() {
      assertThat(retriesValue(io, VALUE)).isFalse();
    }

    @Test
    void readsAsTheSimpleNamesOfItsTypes() {
      assertThat(RetryCondition.onExceptionOrCause(IOException.class, TimeoutException.class))
          .hasToString("onExceptionOrCause(IOException, TimeoutException)");
    }

    @Test
    void rejectsNoTypes() {
      assertThatThrownBy(RetryCondition::onExceptionOrCause)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("types must not be empty");
    }

    @Test
    void rejectsANullType() {
      assertThatThrownBy(() -> RetryCondition.onExceptionOrCause((Class<? extends Throwable>) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("types[0] must not be null");
    }
  }
}

package io.backon.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RetryConditionTest {

  private static final Object VALUE = "value";

  /** Whether {@code condition} retries {@code failure}. */
  private static boolean retriesFailure(RetryCondition condition, Throwable failure) {
    return condition.shouldRetry(null, failure);
  }

  /** Whether {@code condition} retries the value {@code result}. */
  private static boolean retriesValue(RetryCondition condition, @Nullable Object result) {
    return condition.shouldRetry(result, null);
  }

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

  @Nested
  class OnFailure {

    private final RetryCondition transientFailure =
        RetryCondition.onFailure(failure -> failure instanceof IllegalStateException);

    @Test
    void retriesFailuresMatchingThePredicate() {
      assertThat(retriesFailure(transientFailure, new IllegalStateException())).isTrue();
      assertThat(retriesFailure(transientFailure, new IOException())).isFalse();
    }

    @Test
    void neverAsksThePredicateAboutValues() {
      RetryCondition condition =
          RetryCondition.onFailure(
              failure -> {
                throw new AssertionError("asked about a value");
              });

      assertThat(retriesValue(condition, VALUE)).isFalse();
    }

    @Test
    void namesThePredicateInToString() {
      Predicate<Throwable> named = named("isTransient", failure -> true);

      assertThat(RetryCondition.onFailure(named)).hasToString("onFailure(isTransient)");
    }

    @Test
    void rejectsANullPredicate() {
      assertThatThrownBy(() -> RetryCondition.onFailure(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("predicate must not be null");
    }
  }

  @Nested
  class OnMessage {

    @Test
    void containingRetriesFailuresWhoseMessageHasTheText() {
      RetryCondition condition = RetryCondition.onMessageContaining("timed out");

      assertThat(retriesFailure(condition, new IOException("read timed out after 5s"))).isTrue();
      assertThat(retriesFailure(condition, new IOException("connection reset"))).isFalse();
      assertThat(retriesFailure(condition, new IOException("TIMED OUT"))).isFalse();
    }

    @Test
    void notContainingRetriesFailuresWhoseMessageLacksTheText() {
      RetryCondition condition = RetryCondition.onMessageNotContaining("permanent");

      assertThat(retriesFailure(condition, new IOException("transient glitch"))).isTrue();
      assertThat(retriesFailure(condition, new IOException("permanent failure"))).isFalse();
    }

    @Test
    void matchingFindsThePatternAnywhereInTheMessage() {
      RetryCondition condition = RetryCondition.onMessageMatching("status 5\\d\\d");

      assertThat(retriesFailure(condition, new IOException("got status 503 from upstream")))
          .isTrue();
      assertThat(retriesFailure(condition, new IOException("got status 404"))).isFalse();
    }

    @Test
    void matchingAcceptsACompiledPatternWithFlags() {
      RetryCondition condition =
          RetryCondition.onMessageMatching(Pattern.compile("timed out", Pattern.CASE_INSENSITIVE));

      assertThat(retriesFailure(condition, new IOException("Read TIMED OUT"))).isTrue();
    }

    @Test
    void notMatchingRetriesFailuresWithoutAMatch() {
      RetryCondition condition = RetryCondition.onMessageNotMatching("^fatal:");

      assertThat(retriesFailure(condition, new IOException("warning: fatal: nested"))).isTrue();
      assertThat(retriesFailure(condition, new IOException("fatal: disk gone"))).isFalse();
      assertThat(
              retriesFailure(
                  RetryCondition.onMessageNotMatching(
                      Pattern.compile("FATAL", Pattern.CASE_INSENSITIVE)),
                  new IOException("fatal")))
          .isFalse();
    }

    @Test
    void aNullMessageCountsAsEmpty() {
      IOException noMessage = new IOException();

      assertThat(retriesFailure(RetryCondition.onMessageContaining("x"), noMessage)).isFalse();
      assertThat(retriesFailure(RetryCondition.onMessageNotContaining("x"), noMessage)).isTrue();
      assertThat(retriesFailure(RetryCondition.onMessageMatching("^$"), noMessage)).isTrue();
      assertThat(retriesFailure(RetryCondition.onMessageNotMatching("."), noMessage)).isTrue();
    }

    @Test
    void neverRetriesValuesNotEvenTheNegatedOnes() {
      assertThat(retriesValue(RetryCondition.onMessageContaining("x"), "x")).isFalse();
      assertThat(retriesValue(RetryCondition.onMessageNotContaining("x"), VALUE)).isFalse();
      assertThat(retriesValue(RetryCondition.onMessageMatching(".*"), VALUE)).isFalse();
      assertThat(retriesValue(RetryCondition.onMessageNotMatching("x"), null)).isFalse();
    }

    @Test
    void readsAsQuotedText() {
      assertThat(RetryCondition.onMessageContaining("timed out"))
          .hasToString("onMessageContaining(\"timed out\")");
      assertThat(RetryCondition.onMessageNotContaining("say \"no\""))
          .hasToString("onMessageNotContaining(\"say \\\"no\\\"\")");
      assertThat(RetryCondition.onMessageMatching("5\\d\\d"))
          .hasToString("onMessageMatching(\"5\\\\d\\\\d\")");
      assertThat(RetryCondition.onMessageNotMatching("^fatal"))
          .hasToString("onMessageNotMatching(\"^fatal\")");
    }

    @Test
    void equalPatternsMakeEqualConditions() {
      assertThat(RetryCondition.onMessageMatching("a+"))
          .isEqualTo(RetryCondition.onMessageMatching(Pattern.compile("a+")))
          .hasSameHashCodeAs(RetryCondition.onMessageMatching("a+"))
          .isNotEqualTo(RetryCondition.onMessageNotMatching("a+"))
          .isNotEqualTo(
              RetryCondition.onMessageMatching(Pattern.compile("a+", Pattern.CASE_INSENSITIVE)));
      assertThat(RetryCondition.onMessageContaining("a"))
          .isEqualTo(RetryCondition.onMessageContaining("a"))
          .isNotEqualTo(RetryCondition.onMessageNotContaining("a"));
    }

    @Test
    void rejectsEmptyOrNullText() {
      assertThatThrownBy(() -> RetryCondition.onMessageContaining(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("text must not be empty");
      assertThatThrownBy(() -> RetryCondition.onMessageNotContaining(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("text must not be null");
    }

    @Test
    void rejectsANullOrInvalidRegex() {
      assertThatThrownBy(() -> RetryCondition.onMessageMatching((String) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("regex must not be null");
      assertThatThrownBy(() -> RetryCondition.onMessageNotMatching((String) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("regex must not be null");
      assertThatThrownBy(() -> RetryCondition.onMessageMatching((Pattern) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("pattern must not be null");
      assertThatThrownBy(() -> RetryCondition.onMessageMatching("(unclosed"))
          .isInstanceOf(PatternSyntaxException.class);
    }
  }

  @Nested
  class OnResult {

    private final RetryCondition emptyOrNull =
        RetryCondition.onResult(result -> result == null || "".equals(result));

    @Test
    void retriesValuesMatchingThePredicate() {
      assertThat(retriesValue(emptyOrNull, "")).isTrue();
      assertThat(retriesValue(emptyOrNull, null)).isTrue();
      assertThat(retriesValue(emptyOrNull, VALUE)).isFalse();
    }

    @Test
    void neverRetriesFailures() {
      assertThat(retriesFailure(emptyOrNull, new IOException())).isFalse();
    }

    @Test
    void notRetriesValuesThatDoNotMatch() {
      RetryCondition untilDone = RetryCondition.onResultNot("DONE"::equals);

      assertThat(retriesValue(untilDone, "RUNNING")).isTrue();
      assertThat(retriesValue(untilDone, null)).isTrue();
      assertThat(retriesValue(untilDone, "DONE")).isFalse();
      assertThat(retriesFailure(untilDone, new IOException())).isFalse();
    }

    @Test
    void namesThePredicateInToString() {
      Predicate<@Nullable Object> isNull = named("isNull", Objects::isNull);

      assertThat(RetryCondition.onResult(isNull)).hasToString("onResult(isNull)");
      assertThat(RetryCondition.onResultNot(isNull)).hasToString("onResultNot(isNull)");
    }

    @Test
    void rejectsANullPredicate() {
      assertThatThrownBy(() -> RetryCondition.onResult(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("predicate must not be null");
      assertThatThrownBy(() -> RetryCondition.onResultNot(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("predicate must not be null");
    }
  }

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

  private static <T> Predicate<T> named(String name, Predicate<T> predicate) {
    return new Predicate<>() {
      @Override
      public boolean test(T t) {
        return predicate.test(t);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}

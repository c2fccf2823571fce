package io.backon.condition;

import static io.backon.condition.Outcomes.VALUE;
import static io.backon.condition.Outcomes.named;
import static io.backon.condition.Outcomes.retriesFailure;
import static io.backon.condition.Outcomes.retriesValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Conditions that test the failure, its message or the value with a predicate or a pattern. */
class RetryConditionOnPredicateTest {

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
}

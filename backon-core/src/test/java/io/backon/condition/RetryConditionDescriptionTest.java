package io.backon.condition;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Describable;
import io.backon.Description;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Conditions describe themselves as a tree of kinds with typed parameters. */
class RetryConditionDescriptionTest {

  @Test
  void exceptionConditionsListTheFullyQualifiedTypes() {
    assertThat(RetryCondition.onException(IOException.class, TimeoutException.class).describe())
        .isEqualTo(
            Description.of("onException")
                .with(
                    "types",
                    List.of("java.io.IOException", "java.util.concurrent.TimeoutException")));
    assertThat(RetryCondition.onExceptionOrCause(IOException.class).describe().kind())
        .isEqualTo("onExceptionOrCause");
  }

  @Test
  void abortTypesWrapTheConditionTheyOverrule() {
    Description aborting =
        RetryCondition.onException(IOException.class)
            .abortingOn(FileNotFoundException.class)
            .describe();

    assertThat(aborting.kind()).isEqualTo("abortingOn");
    assertThat(aborting.parameters())
        .containsEntry("types", List.of("java.io.FileNotFoundException"));
    assertThat(aborting.parameters().get("condition"))
        .extracting(d -> ((Description) d).kind())
        .isEqualTo("onException");
  }

  @Test
  void combinationsNestTheirConditions() {
    Description any =
        RetryCondition.onMessageContaining("busy")
            .or(RetryCondition.onMessageMatching(Pattern.compile("5\\d\\d")).negate())
            .describe();

    assertThat(any.kind()).isEqualTo("any");
    assertThat(any.parameters().get("conditions"))
        .isEqualTo(
            List.of(
                Description.of("onMessageContaining").with("text", "busy"),
                Description.of("not")
                    .with(
                        "condition",
                        Description.of("onMessageMatching").with("pattern", "5\\d\\d"))));
    assertThat(RetryCondition.always().and(RetryCondition.never()).describe().kind())
        .isEqualTo("all");
  }

  @Test
  void aDescribablePredicateDescribesItselfInsideTheCondition() {
    Description onResult = RetryCondition.onResult(new IsNull()).describe();

    assertThat(onResult)
        .isEqualTo(Description.of("onResult").with("predicate", Description.of("isNull")));
  }

  @Test
  void aLambdaPredicateShowsItsClass() {
    Predicate<Throwable> lambda = failure -> true;

    assertThat(RetryCondition.onFailure(lambda).describe().parameters().get("predicate"))
        .extracting(d -> ((Description) d).kind())
        .isEqualTo("custom");
  }

  @Test
  void theDefaultConditionRetriesExceptionsButAbortsOnInterrupts() {
    Description described = RetryCondition.DEFAULT.describe();

    assertThat(described.parameters())
        .containsEntry("types", List.of("java.lang.InterruptedException"))
        .containsEntry(
            "condition",
            Description.of("onException").with("types", List.of("java.lang.Exception")));
  }

  private static final class IsNull implements Predicate<@Nullable Object>, Describable {
    @Override
    public boolean test(@Nullable Object value) {
      return Objects.isNull(value);
    }

    @Override
    public Description describe() {
      return Description.of("isNull");
    }
  }
}

package io.backon.condition;

import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Outcomes to ask a {@link RetryCondition} about, and predicates with a name to find in its {@code
 * toString()}.
 */
final class Outcomes {

  static final Object VALUE = "value";

  private Outcomes() {}

  /** Whether {@code condition} retries {@code failure}. */
  static boolean retriesFailure(RetryCondition condition, Throwable failure) {
    return condition.shouldRetry(null, failure);
  }

  /** Whether {@code condition} retries the value {@code result}. */
  static boolean retriesValue(RetryCondition condition, @Nullable Object result) {
    return condition.shouldRetry(result, null);
  }

  static <T> Predicate<T> named(String name, Predicate<T> predicate) {
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

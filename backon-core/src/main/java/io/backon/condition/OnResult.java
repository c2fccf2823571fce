package io.backon.condition;

import io.backon.Description;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Retries values that match (or, when {@code expected} is false, do not match) a predicate;
 * failures are never retried. See {@link RetryCondition#onResult(Predicate)} and {@link
 * RetryCondition#onResultNot(Predicate)}.
 */
record OnResult(Predicate<? super @Nullable Object> predicate, boolean expected)
    implements RetryCondition {

  OnResult {
    Objects.requireNonNull(predicate, "predicate must not be null");
  }

  @Override
  public boolean shouldRetry(@Nullable Object result, @Nullable Throwable failure) {
    return failure == null && predicate.test(result) == expected;
  }

  @Override
  public Description describe() {
    return Description.of(expected ? "onResult" : "onResultNot")
        .with("predicate", Description.of(predicate));
  }

  @Override
  public String toString() {
    return (expected ? "onResult(" : "onResultNot(") + predicate + ")";
  }
}

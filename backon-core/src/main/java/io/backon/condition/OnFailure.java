package io.backon.condition;

import io.backon.Description;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Retries failures that match a predicate. See {@link RetryCondition#onFailure(Predicate)}. */
record OnFailure(Predicate<? super Throwable> predicate) implements RetryCondition {

  OnFailure {
    Objects.requireNonNull(predicate, "predicate must not be null");
  }

  @Override
  public boolean shouldRetry(@Nullable Object result, @Nullable Throwable failure) {
    return failure != null && predicate.test(failure);
  }

  @Override
  public Description describe() {
    return Description.of("onFailure").with("predicate", Description.of(predicate));
  }

  @Override
  public String toString() {
    return "onFailure(" + predicate + ")";
  }
}

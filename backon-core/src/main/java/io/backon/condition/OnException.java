package io.backon.condition;

import io.backon.Description;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Retries failures that are instances of one of the given types. See {@link
 * RetryCondition#onException(Class...)}.
 */
final class OnException implements RetryCondition {

  private final Class<?>[] types;

  OnException(Class<?>[] types) {
    this.types = ConditionChecks.throwableTypes(types, "types");
  }

  @Override
  public boolean shouldRetry(@Nullable Object result, @Nullable Throwable failure) {
    return failure != null && ConditionChecks.isInstanceOfAny(failure, types);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof OnException that && Arrays.equals(types, that.types);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(types);
  }

  @Override
  public Description describe() {
    return Description.of("onException").with("types", Description.classNames(types));
  }

  @Override
  public String toString() {
    return "onException(" + ConditionChecks.simpleNames(types) + ")";
  }
}

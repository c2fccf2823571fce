package io.backon.condition;

import io.backon.Description;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Never retries failures of the abort types; every other outcome is decided by the delegate. See
 * {@link RetryCondition#abortOn(RetryCondition, Class...)}.
 */
final class AbortOn implements RetryCondition {

  private final RetryCondition delegate;
  private final Class<?>[] abortTypes;

  private AbortOn(RetryCondition delegate, Class<?>[] abortTypes) {
    this.delegate = delegate;
    this.abortTypes = abortTypes;
  }

  /** {@code delegate} aborting on {@code abortTypes}; a nested AbortOn's abort types are merged. */
  static RetryCondition of(RetryCondition delegate, Class<?>[] abortTypes) {
    Objects.requireNonNull(delegate, "condition must not be null");
    Class<?>[] checked = ConditionChecks.throwableTypes(abortTypes, "abortTypes");
    if (delegate instanceof AbortOn nested) {
      int length = nested.abortTypes.length;
      Class<?>[] merged = Arrays.copyOf(nested.abortTypes, length + checked.length);
      System.arraycopy(checked, 0, merged, length, checked.length);
      return new AbortOn(nested.delegate, merged);
    }
    return new AbortOn(delegate, checked);
  }

  @Override
  public boolean shouldRetry(@Nullable Object result, @Nullable Throwable failure) {
    if (failure != null && ConditionChecks.isInstanceOfAny(failure, abortTypes)) {
      return false;
    }
    return delegate.shouldRetry(result, failure);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof AbortOn that
        && delegate.equals(that.delegate)
        && Arrays.equals(abortTypes, that.abortTypes);
  }

  @Override
  public int hashCode() {
    return 31 * delegate.hashCode() + Arrays.hashCode(abortTypes);
  }

  @Override
  public Description describe() {
    return Description.of("abortingOn")
        .with("condition", delegate.describe())
        .with("types", Description.classNames(abortTypes));
  }

  @Override
  public String toString() {
    return delegate + ".abortingOn(" + ConditionChecks.simpleNames(abortTypes) + ")";
  }
}

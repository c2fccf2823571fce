package io.backon.condition;

import io.backon.Description;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Retries failures that are, or have somewhere in their cause chain, an instance of one of the
 * given types. See {@link RetryCondition#onExceptionOrCause(Class...)}.
 */
final class OnExceptionOrCause implements RetryCondition {

  /** At most this many throwables of a chain are inspected, the failure itself included. */
  static final int MAX_CHAIN_LENGTH = 64;

  private final Class<?>[] types;

  OnExceptionOrCause(Class<?>[] types) {
    this.types = ConditionChecks.throwableTypes(types, "types");
  }

  @Override
  public boolean shouldRetry(@Nullable Object result, @Nullable Throwable failure) {
    // Walks the chain with a second pointer at half speed (Floyd): when the walker meets it, the
    // chain has looped back onto throwables already inspected. No allocation, no identity set.
    @Nullable Throwable current = failure;
    @Nullable Throwable behind = failure;
    for (int inspected = 0; current != null && inspected < MAX_CHAIN_LENGTH; inspected++) {
      if (ConditionChecks.isInstanceOfAny(current, types)) {
        return true;
      }
      current = current.getCause();
      if ((inspected & 1) == 1 && behind != null) {
        behind = behind.getCause();
      }
      if (current == behind) {
        return false;
      }
    }
    return false;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof OnExceptionOrCause that && Arrays.equals(types, that.types);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(types);
  }

  @Override
  public Description describe() {
    return Description.of("onExceptionOrCause").with("types", Description.classNames(types));
  }

  @Override
  public String toString() {
    return "onExceptionOrCause(" + ConditionChecks.simpleNames(types) + ")";
  }
}

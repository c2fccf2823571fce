package io.backon.condition;

import io.backon.Description;
import org.jspecify.annotations.Nullable;

/**
 * Conditions with the same answer for every outcome. See {@link RetryCondition#always()} and {@link
 * RetryCondition#never()}.
 */
enum ConstantCondition implements RetryCondition {
  /** Retries every failure and every value. */
  ALWAYS {
    @Override
    public boolean shouldRetry(@Nullable Object result, @Nullable Throwable failure) {
      return true;
    }

    @Override
    public RetryCondition negate() {
      return NEVER;
    }

    @Override
    public Description describe() {
      return Description.of("always");
    }

    @Override
    public String toString() {
      return "always()";
    }
  },

  /** Retries nothing. */
  NEVER {
    @Override
    public boolean shouldRetry(@Nullable Object result, @Nullable Throwable failure) {
      return false;
    }

    @Override
    public RetryCondition negate() {
      return ALWAYS;
    }

    @Override
    public Description describe() {
      return Description.of("never");
    }

    @Override
    public String toString() {
      return "never()";
    }
  }
}

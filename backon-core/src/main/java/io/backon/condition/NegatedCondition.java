package io.backon.condition;

import io.backon.Description;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Retries exactly the outcomes its delegate does not retry, values included. See {@link
 * RetryCondition#negate()}.
 */
record NegatedCondition(RetryCondition delegate) implements RetryCondition {

  NegatedCondition {
    Objects.requireNonNull(delegate, "delegate must not be null");
  }

  @Override
  public boolean shouldRetry(@Nullable Object result, @Nullable Throwable failure) {
    return !delegate.shouldRetry(result, failure);
  }

  @Override
  public RetryCondition negate() {
    return delegate;
  }

  @Override
  public Description describe() {
    return Description.of("not").with("condition", delegate.describe());
  }

  @Override
  public String toString() {
    return "not(" + delegate + ")";
  }
}

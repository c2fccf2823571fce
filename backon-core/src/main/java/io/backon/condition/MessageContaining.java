package io.backon.condition;

import io.backon.Description;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Retries failures whose message contains (or, when {@code expected} is false, does not contain) a
 * text; values are never retried. See {@link RetryCondition#onMessageContaining(String)} and {@link
 * RetryCondition#onMessageNotContaining(String)}.
 */
record MessageContaining(String text, boolean expected) implements RetryCondition {

  MessageContaining {
    Objects.requireNonNull(text, "text must not be null");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("text must not be empty");
    }
  }

  @Override
  public boolean shouldRetry(@Nullable Object result, @Nullable Throwable failure) {
    return failure != null && ConditionChecks.messageOf(failure).contains(text) == expected;
  }

  @Override
  public Description describe() {
    return Description.of(expected ? "onMessageContaining" : "onMessageNotContaining")
        .with("text", text);
  }

  @Override
  public String toString() {
    return (expected ? "onMessageContaining(" : "onMessageNotContaining(")
        + ConditionChecks.quote(text)
        + ")";
  }
}

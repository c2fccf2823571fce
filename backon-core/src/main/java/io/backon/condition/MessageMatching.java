package io.backon.condition;

import io.backon.Description;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Retries failures whose message has (or, when {@code expected} is false, has no) match of a
 * pattern, found with {@link java.util.regex.Matcher#find()}; values are never retried. See {@link
 * RetryCondition#onMessageMatching(Pattern)} and {@link
 * RetryCondition#onMessageNotMatching(Pattern)}.
 */
final class MessageMatching implements RetryCondition {

  private final Pattern pattern;
  private final boolean expected;

  MessageMatching(Pattern pattern, boolean expected) {
    this.pattern = Objects.requireNonNull(pattern, "pattern must not be null");
    this.expected = expected;
  }

  @Override
  public boolean shouldRetry(@Nullable Object result, @Nullable Throwable failure) {
    return failure != null
        && pattern.matcher(ConditionChecks.messageOf(failure)).find() == expected;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    // Pattern has identity equality; two patterns are the same when source and flags are.
    return other instanceof MessageMatching that
        && expected == that.expected
        && pattern.pattern().equals(that.pattern.pattern())
        && pattern.flags() == that.pattern.flags();
  }

  @Override
  public int hashCode() {
    return Objects.hash(pattern.pattern(), pattern.flags(), expected);
  }

  @Override
  public Description describe() {
    return Description.of(expected ? "onMessageMatching" : "onMessageNotMatching")
        .with("pattern", pattern.pattern());
  }

  @Override
  public String toString() {
    return (expected ? "onMessageMatching(" : "onMessageNotMatching(")
        + ConditionChecks.quote(pattern.pattern())
        + ")";
  }
}

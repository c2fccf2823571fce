package io.backon.condition;

import io.backon.Description;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Retries only when every one of its elements retries. See {@link
 * RetryCondition#all(RetryCondition...)}.
 */
final class AllCondition implements RetryCondition {

  private final RetryCondition[] conditions;

  private AllCondition(RetryCondition[] conditions) {
    this.conditions = conditions;
  }

  /** {@code all(conditions)}: nested {@code all(...)} are flattened, one element is kept as is. */
  static RetryCondition of(RetryCondition[] conditions) {
    RetryCondition[] checked = ConditionChecks.conditions(conditions, "conditions");
    if (checked.length == 1) {
      return checked[0];
    }
    List<RetryCondition> flat = new ArrayList<>(checked.length);
    for (RetryCondition condition : checked) {
      if (condition instanceof AllCondition nested) {
        flat.addAll(Arrays.asList(nested.conditions));
      } else {
        flat.add(condition);
      }
    }
    return new AllCondition(flat.toArray(new RetryCondition[0]));
  }

  @Override
  public boolean shouldRetry(@Nullable Object result, @Nullable Throwable failure) {
    for (RetryCondition condition : conditions) {
      if (!condition.shouldRetry(result, failure)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof AllCondition that && Arrays.equals(conditions, that.conditions);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(conditions);
  }

  @Override
  public Description describe() {
    return Description.of("all")
        .with("conditions", Description.ofAll(java.util.List.of(conditions)));
  }

  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "all(", ")");
    for (RetryCondition condition : conditions) {
      joiner.add(condition.toString());
    }
    return joiner.toString();
  }
}

package io.backon;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/** A test target that plays a script of failures and values, then repeats its last step. */
final class FlakyTarget<T extends @Nullable Object> implements Callable<T> {

  private final Deque<Object> script = new ArrayDeque<>();
  private @Nullable Object last;
  private int calls;

  /** A target that throws each failure in turn, then returns {@code value} forever. */
  @SafeVarargs
  static <T> FlakyTarget<T> failingThen(T value, Exception... failures) {
    FlakyTarget<T> target = new FlakyTarget<>();
    for (Exception failure : failures) {
      target.script.add(failure);
    }
    target.script.add(new Value(value));
    return target;
  }

  /** A target that always throws {@code failure}. */
  static FlakyTarget<String> alwaysFailing(Exception failure) {
    FlakyTarget<String> target = new FlakyTarget<>();
    target.script.add(failure);
    return target;
  }

  /** A target returning each value in turn, then the last one forever. */
  static FlakyTarget<@Nullable Object> returning(@Nullable Object... values) {
    FlakyTarget<@Nullable Object> target = new FlakyTarget<>();
    for (Object value : values) {
      target.script.add(new Value(value));
    }
    return target;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T call() throws Exception {
    calls++;
    Object step = script.isEmpty() ? last : script.poll();
    last = step;
    if (step instanceof Exception failure) {
      throw failure;
    }
    return (T) ((Value) step).value;
  }

  int calls() {
    return calls;
  }

  private record Value(@Nullable Object value) {}
}

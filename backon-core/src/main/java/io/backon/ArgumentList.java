package io.backon;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The unmodifiable copy of a call's arguments that {@link Invocation} keeps; may contain nulls.
 * Only Backon creates it, so an event built from an invocation's arguments shares them instead of
 * copying them again. Immutable and thread-safe.
 */
final class ArgumentList extends AbstractList<@Nullable Object> implements RandomAccess {

  private final @Nullable Object[] values;

  /** Keeps {@code values}, which the caller must not change afterwards (pass a copy). */
  ArgumentList(@Nullable Object[] values) {
    this.values = values;
  }

  @Override
  public @Nullable Object get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }
}

package io.backon.internal;

import org.jspecify.annotations.Nullable;

/** The one place where a value of unknown nullness becomes a caller's type variable. Not API. */
final class Nulls {

  private Nulls() {}

  /**
   * Returns {@code value} as {@code T}. Used where the engine hands back what the target (or a
   * fallback) produced: {@code T} is declared {@code extends @Nullable Object}, so null is a legal
   * value of it, which NullAway cannot see through an unchecked cast.
   */
  @SuppressWarnings({"unchecked", "NullAway"})
  public static <T extends @Nullable Object> T cast(@Nullable Object value) {
    return (T) value;
  }
}

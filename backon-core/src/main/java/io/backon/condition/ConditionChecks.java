package io.backon.condition;

import java.util.Objects;
import java.util.StringJoiner;

/** Argument checks and formatting shared by the retry conditions of this package. */
final class ConditionChecks {

  private ConditionChecks() {}

  /**
   * A defensive copy of {@code types}, rejecting an empty array, null elements and classes that are
   * not {@link Throwable} types (possible only through unchecked casts).
   */
  static Class<?>[] throwableTypes(Class<?>[] types, String name) {
    Objects.requireNonNull(types, () -> name + " must not be null");
    if (types.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    Class<?>[] copy = types.clone();
    for (int i = 0; i < copy.length; i++) {
      Class<?> type = copy[i];
      if (type == null) {
        throw new NullPointerException(name + "[" + i + "] must not be null");
      }
      if (!Throwable.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must be a Throwable type but was " + type.getName());
      }
    }
    return copy;
  }

  /** A defensive copy of {@code conditions}, rejecting an empty array and null elements. */
  static RetryCondition[] conditions(RetryCondition[] conditions, String name) {
    Objects.requireNonNull(conditions, () -> name + " must not be null");
    if (conditions.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    RetryCondition[] copy = conditions.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == null) {
        throw new NullPointerException(name + "[" + i + "] must not be null");
      }
    }
    return copy;
  }

  /** Whether {@code failure} is an instance of one of {@code types}; allocation-free. */
  static boolean isInstanceOfAny(Throwable failure, Class<?>[] types) {
    for (Class<?> type : types) {
      if (type.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }

  /** Simple names of {@code types}, comma-separated: {@code IOException, TimeoutException}. */
  static String simpleNames(Class<?>[] types) {
    StringJoiner joiner = new StringJoiner(", ");
    for (Class<?> type : types) {
      joiner.add(type.getSimpleName());
    }
    return joiner.toString();
  }

  /** {@code text} as a Java string literal for {@code toString()}: quoted, quotes escaped. */
  static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The failure's message, with {@code null} read as {@code ""}. */
  static String messageOf(Throwable failure) {
    String message = failure.getMessage();
    return message == null ? "" : message;
  }
}

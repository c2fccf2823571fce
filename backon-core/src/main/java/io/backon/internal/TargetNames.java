package io.backon.internal;

import io.backon.Invocation;
import org.jspecify.annotations.Nullable;

/** Readable names for targets given without an {@code Invocation}. Not API. */
final class TargetNames {

  private TargetNames() {}

  private static final ClassValue<String> NAMES =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          return nameOf(type);
        }
      };

  /** The invocation's target name, else the name derived from {@code target}'s class. */
  static String of(@Nullable Invocation invocation, Object target) {
    return invocation != null ? invocation.targetName() : of(target);
  }

  /**
   * {@code com.acme.Client$$Lambda/0x01} becomes {@code com.acme.Client (lambda)}; computed once
   * per class, so naming a target allocates nothing.
   */
  static String of(Object target) {
    return NAMES.get(target.getClass());
  }

  private static String nameOf(Class<?> type) {
    String name = type.getName();
    int lambda = name.indexOf("$$Lambda");
    if (lambda > 0) {
      return name.substring(0, lambda) + " (lambda)";
    }
    return name;
  }
}

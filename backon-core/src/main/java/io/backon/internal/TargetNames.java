package io.backon.internal;

/** Readable names for targets given without an {@code Invocation}. Not API. */
final class TargetNames {

  private TargetNames() {}

  /** {@code com.acme.Client$$Lambda/0x01} becomes {@code com.acme.Client (lambda)}. */
  static String of(Object target) {
    String name = target.getClass().getName();
    int lambda = name.indexOf("$$Lambda");
    if (lambda > 0) {
      return name.substring(0, lambda) + " (lambda)";
    }
    return name;
  }
}

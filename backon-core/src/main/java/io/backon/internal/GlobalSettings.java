package io.backon.internal;

import java.util.function.UnaryOperator;

/**
 * JVM-wide switches read once per call: the documented global toggle ({@code Retries.disable()})
 * and the scopes of {@code io.backon.testing}. Not API.
 */
public final class GlobalSettings {

  private static volatile Overrides current = Overrides.NONE;

  private GlobalSettings() {}

  /** The settings in force; one volatile read. */
  public static Overrides current() {
    return current;
  }

  /** Atomically replaces the settings and returns the previous ones. */
  public static synchronized Overrides update(UnaryOperator<Overrides> change) {
    Overrides previous = current;
    current = change.apply(previous);
    return previous;
  }
}

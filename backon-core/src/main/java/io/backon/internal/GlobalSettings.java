package io.backon.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The JVM-wide switches, read once per call: the documented global toggle ({@code
 * Retries.disable()}) and the scopes of {@code io.backon.testing}. An immutable snapshot; the one
 * in force is {@link #current()}, replaced atomically by {@link #update}. Not API.
 *
 * @param globallyDisabled {@code Retries.disable()} is in force
 * @param scopedDisabled a {@code disableRetries()} test scope is open
 * @param maxTriesLimit a {@code limitRetries(n)} scope caps every call at n attempts; 0 = none
 * @param noBackoff a {@code removeBackoff()} scope makes every wait zero
 * @param attemptCounter counts every attempt while an {@code assertRetried} check runs
 */
public record GlobalSettings(
    boolean globallyDisabled,
    boolean scopedDisabled,
    int maxTriesLimit,
    boolean noBackoff,
    @Nullable AtomicInteger attemptCounter) {

  /** Nothing overridden. */
  public static final GlobalSettings NONE = new GlobalSettings(false, false, 0, false, null);

  private static volatile GlobalSettings current = NONE;

  /** The settings in force; one volatile read. */
  public static GlobalSettings current() {
    return current;
  }

  /** Atomically replaces the settings and returns the previous ones. */
  public static synchronized GlobalSettings update(UnaryOperator<GlobalSettings> change) {
    GlobalSettings previous = current;
    current = change.apply(previous);
    return previous;
  }

  /** Whether targets must be called once, directly. */
  public boolean disabled() {
    return globallyDisabled || scopedDisabled;
  }

  /** A copy with the global toggle set. */
  public GlobalSettings withGloballyDisabled(boolean value) {
    return new GlobalSettings(value, scopedDisabled, maxTriesLimit, noBackoff, attemptCounter);
  }

  /** A copy with the disable scope set. */
  public GlobalSettings withScopedDisabled(boolean value) {
    return new GlobalSettings(globallyDisabled, value, maxTriesLimit, noBackoff, attemptCounter);
  }

  /** A copy with an attempt cap (0 = none). */
  public GlobalSettings withMaxTriesLimit(int value) {
    return new GlobalSettings(globallyDisabled, scopedDisabled, value, noBackoff, attemptCounter);
  }

  /** A copy with back-off removed or restored. */
  public GlobalSettings withNoBackoff(boolean value) {
    return new GlobalSettings(
        globallyDisabled, scopedDisabled, maxTriesLimit, value, attemptCounter);
  }

  /** A copy with an attempt counter (null = none). */
  public GlobalSettings withAttemptCounter(@Nullable AtomicInteger value) {
    return new GlobalSettings(globallyDisabled, scopedDisabled, maxTriesLimit, noBackoff, value);
  }
}

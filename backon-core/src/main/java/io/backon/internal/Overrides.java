package io.backon.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Immutable snapshot of the JVM-wide switches. Not API.
 *
 * @param globallyDisabled {@code Retries.disable()} is in force
 * @param scopedDisabled a {@code disableRetries()} test scope is open
 * @param maxTriesLimit a {@code limitRetries(n)} scope caps every call at n attempts; 0 = none
 * @param noBackoff a {@code removeBackoff()} scope makes every wait zero
 * @param attemptCounter counts every attempt while an {@code assertRetried} check runs
 */
public record Overrides(
    boolean globallyDisabled,
    boolean scopedDisabled,
    int maxTriesLimit,
    boolean noBackoff,
    @Nullable AtomicInteger attemptCounter) {

  /** Nothing overridden. */
  public static final Overrides NONE = new Overrides(false, false, 0, false, null);

  /** Whether targets must be called once, directly. */
  public boolean disabled() {
    return globallyDisabled || scopedDisabled;
  }

  /** A copy with the global toggle set. */
  public Overrides withGloballyDisabled(boolean value) {
    return new Overrides(value, scopedDisabled, maxTriesLimit, noBackoff, attemptCounter);
  }

  /** A copy with the disable scope set. */
  public Overrides withScopedDisabled(boolean value) {
    return new Overrides(globallyDisabled, value, maxTriesLimit, noBackoff, attemptCounter);
  }

  /** A copy with an attempt cap (0 = none). */
  public Overrides withMaxTriesLimit(int value) {
    return new Overrides(globallyDisabled, scopedDisabled, value, noBackoff, attemptCounter);
  }

  /** A copy with back-off removed or restored. */
  public Overrides withNoBackoff(boolean value) {
    return new Overrides(globallyDisabled, scopedDisabled, maxTriesLimit, value, attemptCounter);
  }

  /** A copy with an attempt counter (null = none). */
  public Overrides withAttemptCounter(@Nullable AtomicInteger value) {
    return new Overrides(globallyDisabled, scopedDisabled, maxTriesLimit, noBackoff, value);
  }
}

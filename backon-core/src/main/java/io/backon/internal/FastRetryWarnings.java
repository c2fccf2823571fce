package io.backon.internal;

import io.backon.RetryPolicy;
import io.backon.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The rate limit of the fast-retry warning: at most one warning per policy name per {@link
 * #INTERVAL_NANOS minute} on the policies' clock, counting the hot calls each warning covers, so an
 * outage cannot flood the log. Policies of one name share their window, as the operator reading
 * "Policy 'x'" sees them: the copies Spring makes for {@code @Backon} overrides and fallbacks, the
 * per-host copies of the HTTP integration. The windows are held weakly by clock (a discarded clock
 * leaves nothing behind; policies on different clocks never share a minute). Only touched by calls
 * that made five quick retries. Not API; thread-safe.
 */
final class FastRetryWarnings {

  /** The least time between two warnings of one policy: one minute. */
  static final long INTERVAL_NANOS = 60_000_000_000L;

  /** Guarded by itself. */
  private static final Map<Clock, Map<String, Window>> WINDOWS = new WeakHashMap<>();

  private FastRetryWarnings() {}

  /**
   * Counts one hot call of {@code policy} at {@code nowNanos} (on the policy's clock).
   *
   * @return the warning to log now, or {@code null} while the last warning of the policy's name is
   *     less than a minute old (the call is then counted in the next warning)
   */
  static @Nullable Due count(RetryPolicy policy, long nowNanos) {
    Window window;
    synchronized (WINDOWS) {
      window =
          WINDOWS
              .computeIfAbsent(policy.clock(), unused -> new HashMap<>())
              .computeIfAbsent(policy.name(), unused -> new Window());
    }
    return window.count(nowNanos);
  }

  /**
   * A warning to log.
   *
   * @param calls the hot calls it covers, this one included
   * @param sinceLastNanos the time since the policy's previous warning, or -1 for its first
   */
  record Due(int calls, long sinceLastNanos) {}

  /** One policy's counter; guarded by its own monitor. */
  private static final class Window {

    private boolean warned;
    private long lastWarningNanos;
    private int calls;

    synchronized @Nullable Due count(long nowNanos) {
      if (calls < Integer.MAX_VALUE) {
        calls++;
      }
      if (warned && nowNanos - lastWarningNanos < INTERVAL_NANOS) {
        return null;
      }
      Due due = new Due(calls, warned ? nowNanos - lastWarningNanos : -1L);
      warned = true;
      lastWarningNanos = nowNanos;
      calls = 0;
      return due;
    }
  }
}

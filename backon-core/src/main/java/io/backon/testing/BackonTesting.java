package io.backon.testing;

import io.backon.internal.GlobalSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Helpers for testing code that retries: scopes that switch retrying off, cap it or remove its
 * waits, and assertions on how many tries a piece of code made.
 *
 * <pre>{@code
 * try (TestScope noWaits = BackonTesting.removeBackoff()) {
 *   BackonTesting.assertRetried(() -> service.charge(order), 3);
 * }
 * }</pre>
 *
 * <p>Scopes are JVM-wide and nest, and may be closed in any order: each setting follows the scopes
 * still open (the newest one wins for {@code limitRetries}).
 */
public final class BackonTesting {

  private BackonTesting() {}

  /** Every retrying call runs its target exactly once until the scope closes. */
  public static TestScope disableRetries() {
    return open(DISABLED, Boolean.TRUE);
  }

  /**
   * Caps every call at {@code maxTries} attempts in total until the scope closes (a policy allowing
   * fewer keeps its own limit). With nested scopes the most recently opened one still open wins.
   *
   * @param maxTries attempts per call, {@code >= 1}
   */
  public static TestScope limitRetries(int maxTries) {
    if (maxTries < 1) {
      throw new IllegalArgumentException("maxTries must be >= 1 but was " + maxTries);
    }
    return open(LIMITS, maxTries);
  }

  /** Every back-off wait is zero until the scope closes; the number of tries is unchanged. */
  public static TestScope removeBackoff() {
    return open(NO_BACKOFF, Boolean.TRUE);
  }

  /**
   * Runs {@code code} with back-off removed and asserts that it made exactly {@code expectedTries}
   * attempts through Backon (all threads, all policies), whether it then succeeded or failed.
   *
   * @return the number of tries counted
   * @throws AssertionError {@code "Expected 3 tries, got 1"}, with the code's failure (if any) as
   *     cause
   */
  public static int assertRetried(Callable<?> code, int expectedTries) {
    Objects.requireNonNull(code, "code");
    if (expectedTries < 1) {
      throw new IllegalArgumentException("expectedTries must be >= 1 but was " + expectedTries);
    }
    AtomicInteger counter = new AtomicInteger();
    Throwable failure = null;
    try (TestScope noWaits = removeBackoff();
        TestScope counting = counting(counter)) {
      code.call();
    } catch (Exception | AssertionError thrown) {
      failure = thrown;
    }
    int tries = counter.get();
    if (tries != expectedTries) {
      AssertionError error =
          new AssertionError(
              "Expected "
                  + expectedTries
                  + (expectedTries == 1 ? " try" : " tries")
                  + ", got "
                  + tries);
      if (failure != null) {
        error.initCause(failure);
      }
      throw error;
    }
    return tries;
  }

  /** Asserts that {@code code} made exactly one attempt; see {@link #assertRetried}. */
  public static void assertNotRetried(Callable<?> code) {
    assertRetried(code, 1);
  }

  private static TestScope counting(AtomicInteger counter) {
    return open(COUNTERS, counter);
  }

  /**
   * Open scopes per setting, in opening order; the effective value is the newest one still open.
   */
  private static final List<Object> DISABLED = new ArrayList<>();

  private static final List<Object> LIMITS = new ArrayList<>();
  private static final List<Object> NO_BACKOFF = new ArrayList<>();
  private static final List<Object> COUNTERS = new ArrayList<>();

  private static TestScope open(List<Object> scopes, Object value) {
    Object token = new Object[] {value};
    synchronized (BackonTesting.class) {
      scopes.add(token);
      apply();
    }
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        synchronized (BackonTesting.class) {
          scopes.remove(token);
          apply();
        }
      }
    };
  }

  /** Publishes the effective values of all open scopes; callers hold the class lock. */
  private static void apply() {
    Object limit = newest(LIMITS);
    Object counter = newest(COUNTERS);
    GlobalSettings.update(
        o ->
            o.withScopedDisabled(!DISABLED.isEmpty())
                .withMaxTriesLimit(limit == null ? 0 : (Integer) limit)
                .withNoBackoff(!NO_BACKOFF.isEmpty())
                .withAttemptCounter((AtomicInteger) counter));
  }

  private static @Nullable Object newest(List<Object> scopes) {
    return scopes.isEmpty() ? null : ((Object[]) scopes.get(scopes.size() - 1))[0];
  }
}

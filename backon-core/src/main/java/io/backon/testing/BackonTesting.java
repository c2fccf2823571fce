package io.backon.testing;

import io.backon.internal.GlobalSettings;
import io.backon.internal.Overrides;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

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
 * <p>Scopes are JVM-wide and nest; each restores exactly the setting it changed.
 */
public final class BackonTesting {

  private BackonTesting() {}

  /** Every retrying call runs its target exactly once until the scope closes. */
  public static TestScope disableRetries() {
    boolean previous = GlobalSettings.update(o -> o.withScopedDisabled(true)).scopedDisabled();
    return scope(o -> o.withScopedDisabled(previous));
  }

  /**
   * Caps every call at {@code maxTries} attempts in total until the scope closes (a policy allowing
   * fewer keeps its own limit).
   *
   * @param maxTries attempts per call, {@code >= 1}
   */
  public static TestScope limitRetries(int maxTries) {
    if (maxTries < 1) {
      throw new IllegalArgumentException("maxTries must be >= 1 but was " + maxTries);
    }
    int previous = GlobalSettings.update(o -> o.withMaxTriesLimit(maxTries)).maxTriesLimit();
    return scope(o -> o.withMaxTriesLimit(previous));
  }

  /** Every back-off wait is zero until the scope closes; the number of tries is unchanged. */
  public static TestScope removeBackoff() {
    boolean previous = GlobalSettings.update(o -> o.withNoBackoff(true)).noBackoff();
    return scope(o -> o.withNoBackoff(previous));
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
      AssertionError error = new AssertionError(
          "Expected " + expectedTries + (expectedTries == 1 ? " try" : " tries") + ", got " + tries);
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
    AtomicInteger previous = GlobalSettings.update(o -> o.withAttemptCounter(counter)).attemptCounter();
    return scope(o -> o.withAttemptCounter(previous));
  }

  private static TestScope scope(UnaryOperator<Overrides> restore) {
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        GlobalSettings.update(restore);
      }
    };
  }
}

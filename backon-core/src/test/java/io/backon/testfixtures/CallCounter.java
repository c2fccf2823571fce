package io.backon.testfixtures;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A count of calls, and the fake targets that add to it: every call of a target made here adds one,
 * so a test can assert the calls of several targets at once ({@code assertThat(calls).hasValue(3)})
 * and start over with {@code set(0)}. For a single scripted target that counts its own calls, see
 * {@code io.backon.FlakyTarget}. Thread-safe.
 */
public final class CallCounter extends AtomicInteger {

  private static final long serialVersionUID = 1L;

  /** A counter at zero. */
  public CallCounter() {}

  /** A target that counts the call and throws {@code failure}, every time. */
  public Callable<String> failingWith(Exception failure) {
    return () -> {
      incrementAndGet();
      throw failure;
    };
  }

  /**
   * A target that counts the call and throws {@code IOException("try <n> failed")} while the count
   * is below {@code successfulTry}, then returns {@code "ok"}.
   */
  public Callable<String> succeedingOnTry(int successfulTry) {
    return () -> {
      int call = incrementAndGet();
      if (call < successfulTry) {
        throw new IOException("try " + call + " failed");
      }
      return "ok";
    };
  }

  /**
   * A target that counts the call and throws a failure from {@code failure} while the count is
   * below {@code successfulTry}, then returns {@code "ok"}.
   */
  public Callable<String> succeedingOnTry(int successfulTry, Supplier<Exception> failure) {
    return () -> {
      if (incrementAndGet() < successfulTry) {
        throw failure.get();
      }
      return "ok";
    };
  }
}

package io.backon.time;

/**
 * Blocks the calling thread for a back-off wait. Inject a {@code ManualSleeper} in tests so that no
 * test sleeps for real.
 *
 * <p>Implementations must be thread-safe and must respond to interruption by throwing {@link
 * InterruptedException}.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Sleeps for the given time.
   *
   * @param nanos how long to sleep, in nanoseconds; {@code 0} returns at once
   * @throws InterruptedException if the thread is interrupted before or while sleeping
   */
  void sleep(long nanos) throws InterruptedException;

  /** The real sleeper: {@link java.util.concurrent.TimeUnit#sleep(long)}. */
  static Sleeper threadSleep() {
    return ThreadSleeper.INSTANCE;
  }
}

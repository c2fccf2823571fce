package io.backon.sample.client;

import io.backon.Retries;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * What happened inside one logical call, as seen from the client side: the number of every attempt
 * that reached the HTTP client (read with {@link Retries#attemptNumber()}, so a hedged attempt
 * shows its number once per copy) and, when a fallback answered, the failure it replaced. One trace
 * per call; thread-safe, because hedged copies and asynchronous retries record from other threads.
 */
public final class CallTrace {

  private final Queue<Integer> attemptNumbers = new ConcurrentLinkedQueue<>();
  private volatile @Nullable Throwable fallbackCause;

  /**
   * Records the attempt the calling code runs in: its 1-based number, or 0 when no Backon attempt
   * is running (with {@code backon.enabled=false}, or a method without {@code @Backon}).
   */
  public void recordAttempt() {
    attemptNumbers.add(Retries.attemptNumber());
  }

  /** The recorded attempt numbers, in the order they were recorded. */
  public List<Integer> attemptNumbers() {
    return List.copyOf(attemptNumbers);
  }

  /** Records that a fallback answered instead of the downstream because of {@code failure}. */
  public void recordFallback(Throwable failure) {
    fallbackCause = failure;
  }

  /** The failure a fallback replaced, or {@code null} when no fallback answered. */
  public @Nullable Throwable fallbackCause() {
    return fallbackCause;
  }
}

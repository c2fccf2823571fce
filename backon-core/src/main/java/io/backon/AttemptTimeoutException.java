package io.backon;

import io.backon.time.DurationText;
import java.time.Duration;

/**
 * An attempt ran longer than the policy's {@code attemptTimeout} and was cancelled (interrupted
 * when synchronous, its future cancelled when asynchronous). Retryable by default.
 */
public class AttemptTimeoutException extends BackonException {

  private static final long serialVersionUID = 1L;

  private final int attemptNumber;
  private final Duration timeout;

  /**
   * Creates the exception for attempt {@code attemptNumber} that exceeded {@code timeout}; the
   * message reads {@code Attempt 2 of Inventory.reserve timed out after 300ms}.
   */
  public AttemptTimeoutException(String targetName, int attemptNumber, Duration timeout) {
    super(
        "Attempt "
            + attemptNumber
            + " of "
            + targetName
            + " timed out after "
            + DurationText.of(timeout),
        null);
    this.attemptNumber = attemptNumber;
    this.timeout = timeout;
  }

  /** The 1-based number of the attempt that timed out. */
  public int attemptNumber() {
    return attemptNumber;
  }

  /** The timeout that was exceeded. */
  public Duration timeout() {
    return timeout;
  }
}

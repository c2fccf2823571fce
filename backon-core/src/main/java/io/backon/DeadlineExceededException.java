package io.backon;

import io.backon.time.DurationText;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The call's hard {@code deadline} passed: the running attempt was cancelled (or no further attempt
 * could start in time). The cause is the last attempt's failure, when there was one.
 */
public class DeadlineExceededException extends BackonException {

  private static final long serialVersionUID = 1L;

  private final Duration deadline;
  private final int attempts;

  /**
   * Creates the exception for a call that made {@code attempts} attempts; the message reads {@code
   * Deadline of 1s exceeded for Inventory.reserve after 3 attempts; last failure: ...}.
   */
  public DeadlineExceededException(
      String targetName, Duration deadline, int attempts, @Nullable Throwable lastFailure) {
    super(
        "Deadline of "
            + DurationText.of(deadline)
            + " exceeded for "
            + targetName
            + " after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + (lastFailure == null ? "" : "; last failure: " + lastFailure),
        lastFailure);
    this.deadline = deadline;
    this.attempts = attempts;
  }

  /** The deadline that passed. */
  public Duration deadline() {
    return deadline;
  }

  /** How many attempts were started. */
  public int attempts() {
    return attempts;
  }
}

package io.backon;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a call gives up on a <em>value</em> that the retry condition rejected (result
 * predicates), or is interrupted while the last outcome was a value. When the last attempt failed,
 * the caller sees that failure itself instead.
 */
public class RetriesExhaustedException extends BackonException {

  private static final long serialVersionUID = 1L;

  private final transient @Nullable Object lastValue;
  private final int attempts;
  private final GiveUpReason reason;

  /**
   * Creates the exception for a call that made {@code attempts} attempts; the message reads {@code
   * Gave up on Quotes.get after 3 attempts (max tries reached); last value of type String}. It
   * names the value's type, never the value, which may be a response body and would reach the log
   * of whoever logs the exception; {@link #lastValue()} holds it.
   */
  public RetriesExhaustedException(
      String targetName, int attempts, GiveUpReason reason, @Nullable Object lastValue) {
    super(
        "Gave up on "
            + targetName
            + " after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + " ("
            + reason.description()
            + "); last value "
            + (lastValue == null ? "null" : "of type " + typeName(lastValue)),
        null);
    this.lastValue = lastValue;
    this.attempts = attempts;
    this.reason = reason;
  }

  private static String typeName(Object value) {
    String simple = value.getClass().getSimpleName();
    return simple.isEmpty() ? value.getClass().getName() : simple;
  }

  /** The value the last attempt returned. */
  public @Nullable Object lastValue() {
    return lastValue;
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }

  /** Why retrying stopped. */
  public GiveUpReason reason() {
    return reason;
  }
}

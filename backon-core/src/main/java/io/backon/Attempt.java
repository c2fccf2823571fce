package io.backon;

import org.jspecify.annotations.Nullable;

/**
 * One try of the iterator face ({@link Retrying#attempts()}). Report its outcome exactly once with
 * {@link #succeed} or {@link #fail}; while it runs, {@link Retries#attemptNumber()} returns its
 * number. Confined to the thread iterating.
 *
 * @param <T> the value type
 */
public final class Attempt<T extends @Nullable Object> {

  private final Attempts<T> owner;
  private final int number;

  Attempt(Attempts<T> owner, int number) {
    this.owner = owner;
    this.number = number;
  }

  /** The 1-based number of this attempt. */
  public int number() {
    return number;
  }

  /** Reports that this attempt returned {@code value}; the policy may still reject the value. */
  public void succeed(T value) {
    owner.report(this, value, null);
  }

  /** Reports that this attempt failed with {@code failure}. */
  public void fail(Throwable failure) {
    owner.report(this, null, java.util.Objects.requireNonNull(failure, "failure"));
  }

  @Override
  public String toString() {
    return "Attempt{" + number + '}';
  }
}

package io.backon.stop;

import io.backon.RetryState;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Stops once the number of attempts returned by a supplier, asked on every check, has been made.
 * See {@link Stop#afterAttempt(IntSupplier)}.
 */
record AfterAttemptSupplied(IntSupplier maxTries) implements Stop {

  AfterAttemptSupplied {
    Objects.requireNonNull(maxTries, "maxTries must not be null");
  }

  @Override
  public boolean shouldStop(RetryState state) {
    int limit = maxTries.getAsInt();
    if (limit < 1) {
      throw new IllegalStateException(
          "maxTries supplier returned " + limit + "; it must return >= 1");
    }
    return state.attemptNumber() >= limit;
  }

  @Override
  public String toString() {
    return "afterAttempt(" + maxTries + ")";
  }
}

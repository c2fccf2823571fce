package io.backon.stop;

import io.backon.RetryState;

/** Stops once {@code attempts} attempts have been made. See {@link Stop#afterAttempt(int)}. */
record AfterAttempt(int attempts) implements Stop {

  AfterAttempt {
    attempts = StopChecks.attempts(attempts, "attempts");
  }

  @Override
  public boolean shouldStop(RetryState state) {
    return state.attemptNumber() >= attempts;
  }

  @Override
  public String toString() {
    return "afterAttempt(" + attempts + ")";
  }
}

package io.backon.stop;

import io.backon.RetryState;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Stops once a supplier, asked on every check, returns {@code true}. See {@link
 * Stop#when(BooleanSupplier)}.
 */
record WhenTrue(BooleanSupplier condition) implements Stop {

  WhenTrue {
    Objects.requireNonNull(condition, "condition must not be null");
  }

  @Override
  public boolean shouldStop(RetryState state) {
    return condition.getAsBoolean();
  }

  @Override
  public String toString() {
    return "when(" + condition + ")";
  }
}

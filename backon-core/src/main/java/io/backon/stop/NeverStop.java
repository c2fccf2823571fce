package io.backon.stop;

import io.backon.RetryState;

/** Never stops: retrying goes on until something else ends it. See {@link Stop#never()}. */
enum NeverStop implements Stop {
  INSTANCE;

  @Override
  public boolean shouldStop(RetryState state) {
    return false;
  }

  @Override
  public String toString() {
    return "never()";
  }
}

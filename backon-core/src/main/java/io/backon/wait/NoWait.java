package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/** No wait at all; see {@link Wait#none()}. */
enum NoWait implements Wait {
  INSTANCE;

  @Override
  public long nextWaitNanos(RetryState state) {
    return 0L;
  }

  @Override
  public Description describe() {
    return Description.of("none");
  }

  @Override
  public String toString() {
    return "none()";
  }
}

package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A wait computed by a user function from the call's state; see {@link Wait#runtime(Function)}.
 * {@code null} and negative results mean no wait.
 */
record RuntimeWait(Function<? super RetryState, ? extends @Nullable Duration> function)
    implements Wait {

  @Override
  public long nextWaitNanos(RetryState state) {
    return Nanos.ofDynamic(function.apply(state));
  }

  @Override
  public Description describe() {
    return Description.of("runtime").with("function", Description.of(function));
  }

  @Override
  public String toString() {
    return "runtime(" + function + ")";
  }
}

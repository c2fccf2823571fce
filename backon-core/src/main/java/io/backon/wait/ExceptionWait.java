package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A wait computed by a user function from the last failure (e.g. a {@code Retry-After} header); see
 * {@link Wait#exception(Function)}. No failure, {@code null} and negative results mean no wait.
 */
record ExceptionWait(Function<? super Throwable, ? extends @Nullable Duration> function)
    implements Wait {

  @Override
  public long nextWaitNanos(RetryState state) {
    Throwable failure = state.lastFailure();
    if (!state.failed() || failure == null) {
      return 0L;
    }
    return Nanos.ofDynamic(function.apply(failure));
  }

  @Override
  public Description describe() {
    return Description.of("exception").with("function", Description.of(function));
  }

  @Override
  public String toString() {
    return "exception(" + function + ")";
  }
}

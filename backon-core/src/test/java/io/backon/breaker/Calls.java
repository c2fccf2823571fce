package io.backon.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

/** Drives a breaker through permitted calls in tests. */
final class Calls {

  static final IOException BOOM = new IOException("boom");

  private Calls() {}

  /** {@code n} permitted calls that fail with {@link #BOOM} instantly. */
  static void fail(CircuitBreaker breaker, int n) {
    for (int i = 0; i < n; i++) {
      assertThat(breaker.tryAcquirePermission()).as("permission for failure %d", i + 1).isTrue();
      breaker.onError(0L, BOOM);
    }
  }

  /** {@code n} permitted calls that succeed instantly. */
  static void succeed(CircuitBreaker breaker, int n) {
    succeed(breaker, n, Duration.ZERO);
  }

  /** {@code n} permitted calls that succeed after {@code took}. */
  static void succeed(CircuitBreaker breaker, int n, Duration took) {
    for (int i = 0; i < n; i++) {
      assertThat(breaker.tryAcquirePermission()).as("permission for success %d", i + 1).isTrue();
      breaker.onSuccess(took.toNanos());
    }
  }
}

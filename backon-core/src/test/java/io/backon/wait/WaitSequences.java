package io.backon.wait;

import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Helpers that run a strategy over several attempts. */
final class WaitSequences {

  private WaitSequences() {}

  /** The waits after attempts 1..{@code attempts}, in {@link Duration}s; EXHAUSTED stays -1 ns. */
  static List<Duration> waits(Wait wait, int attempts) {
    TestRetryState state = new TestRetryState();
    List<Duration> waits = new ArrayList<>();
    for (int attempt = 1; attempt <= attempts; attempt++) {
      waits.add(Duration.ofNanos(wait.nextWaitNanos(state.attempt(attempt))));
    }
    return waits;
  }

  /** The wait after attempt {@code attempt}, in nanoseconds, with a fresh seeded state. */
  static long waitAfter(Wait wait, int attempt) {
    return wait.nextWaitNanos(TestRetryState.afterAttempt(attempt));
  }

  static Duration s(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }
}

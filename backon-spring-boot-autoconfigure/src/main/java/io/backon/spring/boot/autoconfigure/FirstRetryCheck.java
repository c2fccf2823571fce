package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicy;
import io.backon.RetryState;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Rejects a deadline that no retry fits in: a wait that would end at or after the deadline ends the
 * call at once, so when even the shortest possible first wait (the wait strategy's first wait,
 * after the jitter draws its smallest value) is not shorter than the deadline, no attempt is ever
 * retried. The wait is computed by the policy itself, so every strategy and jitter counts as the
 * engine would apply them; a wait that cannot be known before a real failure (one computed from the
 * exception, say) is not checked.
 */
final class FirstRetryCheck {

  private FirstRetryCheck() {}

  /**
   * @param settings the layers the policy was assembled from, to name the properties at fault
   * @param own the layer being assembled
   */
  static void check(
      RetryPolicy policy, LayeredSettings<PolicyProperties> settings, SettingSource own) {
    long deadline = policy.deadlineNanos();
    if (deadline <= 0 || policy.maxTries() == 1) {
      return;
    }
    long shortest;
    try {
      shortest =
          policy
              .jitter()
              .apply(
                  policy.waitStrategy().nextWaitNanos(FirstFailure.INSTANCE),
                  FirstFailure.INSTANCE);
    } catch (RuntimeException unknownBeforeAFailure) {
      return;
    }
    if (shortest < deadline) {
      return;
    }
    String subject = settings.describe("deadline", own);
    throw ConfigChecks.contradiction(
        subject,
        "the deadline "
            + ConfigChecks.display(Duration.ofNanos(deadline))
            + " is not longer than the shortest possible first wait "
            + ConfigChecks.display(Duration.ofNanos(shortest))
            + " ("
            + policy.waitStrategy()
            + " with "
            + policy.jitter()
            + " jitter), and a wait that would end at"
            + " the deadline ends the call, so no attempt is ever retried.",
        "make "
            + subject
            + " longer than "
            + ConfigChecks.display(Duration.ofNanos(shortest))
            + ", or shorten "
            + settings.describe("delay", own)
            + " (or choose a jitter that can wait less, such as full, with "
            + settings.describe("jitter", own)
            + ").");
  }

  /**
   * The state after a first attempt failed at once, with a random source that draws the smallest
   * values.
   */
  private enum FirstFailure implements RetryState {
    INSTANCE;

    private static final RandomGenerator SMALLEST = () -> 0L;

    @Override
    public int attemptNumber() {
      return 1;
    }

    @Override
    public long elapsedNanos() {
      return 0L;
    }

    @Override
    public long upcomingWaitNanos() {
      return 0L;
    }

    @Override
    public long previousWaitNanos() {
      return 0L;
    }

    @Override
    public long idleNanos() {
      return 0L;
    }

    @Override
    public boolean failed() {
      return true;
    }

    @Override
    public @Nullable Throwable lastFailure() {
      return null;
    }

    @Override
    public @Nullable Object lastResult() {
      return null;
    }

    @Override
    public RandomGenerator random() {
      return SMALLEST;
    }
  }
}

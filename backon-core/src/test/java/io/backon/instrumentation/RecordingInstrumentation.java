package io.backon.instrumentation;

import io.backon.RetryPolicy;
import io.backon.hedge.HedgeOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Records every instrumentation event as a line such as {@code "attempt 2 ended failure IOException
 * 10ms"}, and which attempt's scope is open on the current thread, for assertions.
 */
final class RecordingInstrumentation implements RetryInstrumentation {

  final List<String> events = new CopyOnWriteArrayList<>();

  /** The attempt whose scope is open on this thread, 0 for none. */
  private final ThreadLocal<Integer> openScope = ThreadLocal.withInitial(() -> 0);

  private IntPredicate throwOnAttemptStart = n -> false;

  /** Makes {@code attemptStarted} throw for the attempts matching {@code which}. */
  RecordingInstrumentation throwingOnAttemptStart(IntPredicate which) {
    this.throwOnAttemptStart = which;
    return this;
  }

  /** The attempt whose scope is open on the calling thread, 0 for none. */
  int attemptInScope() {
    return openScope.get();
  }

  @Override
  public CallTracer callStarted(RetryPolicy policy, String targetName) {
    events.add("call started " + policy.name());
    return new CallTracer() {
      @Override
      public AttemptTracer attemptStarted(int attemptNumber) {
        if (throwOnAttemptStart.test(attemptNumber)) {
          throw new IllegalStateException("broken instrumentation");
        }
        events.add("attempt " + attemptNumber + " started");
        return new Attempt(attemptNumber);
      }

      @Override
      public void callEnded(
          CallOutcome outcome, @Nullable Throwable failure, int attempts, long durationNanos) {
        events.add(
            "call ended "
                + outcome.tagValue()
                + " "
                + name(failure)
                + " "
                + attempts
                + " "
                + Duration.ofNanos(durationNanos).toMillis()
                + "ms");
      }
    };
  }

  private static String name(@Nullable Throwable failure) {
    return failure == null ? "none" : failure.getClass().getSimpleName();
  }

  private final class Attempt implements AttemptTracer {
    private final int number;

    Attempt(int number) {
      this.number = number;
    }

    @Override
    public TraceScope openScope() {
      int previous = openScope.get();
      openScope.set(number);
      return () -> openScope.set(previous);
    }

    @Override
    public void hedgeEnded(HedgeOutcome outcome) {
      events.add("attempt " + number + " hedge " + outcome.tagValue());
    }

    @Override
    public void attemptEnded(
        AttemptOutcome outcome, @Nullable Throwable failure, long durationNanos) {
      events.add(
          "attempt "
              + number
              + " ended "
              + outcome.tagValue()
              + " "
              + name(failure)
              + " "
              + Duration.ofNanos(durationNanos).toMillis()
              + "ms");
    }
  }
}

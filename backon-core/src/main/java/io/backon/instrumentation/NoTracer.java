package io.backon.instrumentation;

import org.jspecify.annotations.Nullable;

/** The tracer of {@link RetryInstrumentation#NONE}: ignores everything. */
final class NoTracer implements CallTracer, AttemptTracer {

  static final NoTracer INSTANCE = new NoTracer();

  private NoTracer() {}

  @Override
  public AttemptTracer attemptStarted(int attemptNumber) {
    return this;
  }

  @Override
  public void attemptEnded(
      AttemptOutcome outcome, @Nullable Throwable failure, long durationNanos) {}

  @Override
  public void callEnded(
      CallOutcome outcome, @Nullable Throwable failure, int attempts, long durationNanos) {}
}

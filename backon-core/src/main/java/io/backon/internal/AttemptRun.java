package io.backon.internal;

import io.backon.time.Clock;
import io.backon.time.Scheduler;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * What the layers of one attempt share: its number, where its timers run, the caller's deadline
 * guard, the instrumented attempt, and, once hedging starts, the flag set when a copy has won.
 * Created by "start an attempt" ({@link CallState#beginAttempt}) on the paths that carry per-call
 * state; the first attempt of a plain call runs without one. Not API.
 */
final class AttemptRun {

  private final @Nullable CallState state;
  private final Object nameSource;
  private final int number;
  private final Environment environment;
  private final @Nullable AttemptGuard deadline;
  private final @Nullable AttemptTrace trace;
  private volatile boolean decided;

  AttemptRun(
      @Nullable CallState state,
      Object nameSource,
      int number,
      Environment environment,
      @Nullable AttemptGuard deadline,
      @Nullable AttemptTrace trace) {
    this.state = state;
    this.nameSource = nameSource;
    this.number = number;
    this.environment = environment;
    this.deadline = deadline;
    this.trace = trace;
  }

  /** The 1-based attempt number. */
  int number() {
    return number;
  }

  /** The target's name for exceptions: the call's, else derived from the target's class. */
  String targetName() {
    CallState call = state;
    return call != null ? call.targetName() : TargetNames.of(nameSource);
  }

  /** Where attempt timeouts run. */
  Scheduler scheduler() {
    return environment.scheduler();
  }

  /** The clock of the call. */
  Clock clock() {
    return environment.clock();
  }

  /** Where hedge timers run; {@code null} uses the hedging policy's scheduler. */
  @Nullable Scheduler hedgeScheduler() {
    return environment.hedgeScheduler();
  }

  /** Where hedged copies are launched; {@code null} uses the hedging policy's executor. */
  @Nullable Executor hedgeExecutor() {
    return environment.hedgeExecutor();
  }

  /** The instrumented attempt, or {@code null}. */
  @Nullable AttemptTrace trace() {
    return trace;
  }

  /** Whether the caller's deadline cut this attempt short (blocking faces). */
  boolean cutByDeadline() {
    AttemptGuard guard = deadline;
    return guard != null && guard.fired();
  }

  /** Records that a copy of this attempt won its hedged race; later copies carry no verdict. */
  void raceWon() {
    decided = true;
  }

  /** Whether another copy of this attempt has already won its race. */
  boolean raceDecided() {
    return decided;
  }

  /**
   * Where a face runs its timers and copies: the policy's scheduler and clock, and the hedging
   * policy's own scheduler and executor ({@code null}), or a face's replacements (the Reactor face
   * runs everything on its Reactor scheduler so that virtual time works).
   */
  record Environment(
      Scheduler scheduler,
      Clock clock,
      @Nullable Scheduler hedgeScheduler,
      @Nullable Executor hedgeExecutor) {}
}

package io.backon;

/** Why a call stopped retrying. */
public enum GiveUpReason {
  /** The retry condition rejected the outcome, or an abort-on type matched. */
  NOT_RETRYABLE("not retryable"),
  /** The policy's {@code giveUpIf} predicate matched the failure. */
  GIVE_UP_PREDICATE("giveUpIf matched"),
  /** The attempt limit ({@code maxTries}) was reached. */
  MAX_TRIES("max tries reached"),
  /** The time limit ({@code maxTime}) was reached. */
  MAX_TIME("max time reached"),
  /** A custom {@link io.backon.stop.Stop} condition said stop. */
  STOP_CONDITION("stop condition met"),
  /** A finite wait strategy ran out of waits. */
  WAIT_EXHAUSTED("wait exhausted"),
  /** The retry budget shared with other calls had no token for another retry. */
  BUDGET_EXHAUSTED("budget exhausted"),
  /** The call's deadline passed, or the next attempt could not start before it. */
  DEADLINE_EXCEEDED("deadline exceeded"),
  /** The executor or scheduler refused the next attempt or its wait (e.g. it was shut down). */
  REJECTED("executor rejected the next attempt"),
  /**
   * A callback of the policy itself (retry condition, wait strategy, stop, supplier, giveUpIf)
   * threw; that exception ends the call, with the attempt's failure suppressed, and the fallback is
   * skipped.
   */
  POLICY_ERROR("a policy callback threw"),
  /**
   * The thread was interrupted during a back-off sleep, or the target threw InterruptedException.
   */
  INTERRUPTED("interrupted");

  private final String description;

  GiveUpReason(String description) {
    this.description = description;
  }

  /** A short human-readable description, e.g. {@code "wait exhausted"}. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}

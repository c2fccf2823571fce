package io.backon;

/**
 * A {@code supplyAsync} attempt (or hedged copy) found every slot of its policy ({@code maxHedges}
 * per call in flight) taken by targets still running on Backon's threads, abandoned ones included
 * (an attempt that timed out but ignores its interrupt), and the policy fails at once instead of
 * waiting for one to end ({@code RetryPolicyBuilder.waitForAbandonedAttempts(false)}). It ends the
 * call: the policy never retries it.
 */
public class AttemptsStillRunningException extends BackonException {

  private static final long serialVersionUID = 1L;

  private final int running;

  /**
   * Creates the exception for a call of {@code targetName} that has {@code running} targets still
   * running; the message reads {@code 1 earlier attempt of Inventory.reserve is still running}.
   */
  public AttemptsStillRunningException(String targetName, int running) {
    super(
        running
            + (running == 1 ? " earlier attempt of " : " earlier attempts of ")
            + targetName
            + (running == 1 ? " is" : " are")
            + " still running (it ignores its interrupt); not "
            + "starting another",
        null);
    this.running = running;
  }

  /** How many of the call's targets were still running. */
  public int running() {
    return running;
  }
}

package io.backon.hedge;

/**
 * Told each time a hedge (a copy after the first) is launched, and how each hedged call ended; for
 * logging and metrics. Called on whichever thread launches the hedge (a scheduler thread when the
 * delay ran out, or the thread that completed a failed copy), so implementations must be
 * thread-safe and short. A throwing listener is logged on the {@code io.backon.hedge} logger and
 * never breaks the call.
 */
@FunctionalInterface
public interface HedgeListener {

  /**
   * A hedge is about to start.
   *
   * @param hedgeNumber the 1-based number of the copy being launched: {@code 2} for the first hedge
   *     (copy 1 is the primary, which is not reported), up to {@code maxHedges}
   */
  void onHedge(int hedgeNumber);

  /**
   * The hedged call ended (once per call, before its result is available to the caller unless it
   * was cancelled): the primary or a hedge won, all copies failed, or it was cancelled. Default:
   * ignored.
   */
  default void onOutcome(HedgeOutcome outcome) {}
}

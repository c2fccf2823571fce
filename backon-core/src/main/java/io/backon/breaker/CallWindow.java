package io.backon.breaker;

/**
 * A lock-free sliding window of call outcomes, judged by the failure-rate and slow-call-rate rules.
 * Writers never block each other; readers see totals that may lag concurrent writes by a few calls
 * (each implementation documents exactly which races it allows).
 */
interface CallWindow {

  /** Outcome bit: the call failed. */
  int FAILED = 1;

  /** Outcome bit: the call was slow. */
  int SLOW = 2;

  /**
   * Records one outcome: {@code 0} (fast success) or a combination of {@link #FAILED}, {@link
   * #SLOW}.
   */
  void record(int outcome);

  /** The calls currently in the window. */
  Totals totals();

  /** Counts read from a window; {@code failed} and {@code slow} never exceed {@code calls}. */
  record Totals(int calls, int failed, int slow) {

    static final Totals EMPTY = new Totals(0, 0, 0);

    public Totals {
      failed = Math.min(failed, calls);
      slow = Math.min(slow, calls);
    }

    /**
     * {@code part} of the calls in percent, or {@code NaN} (not measured) below {@code
     * minimumCalls}.
     */
    double rate(int part, int minimumCalls) {
      return calls == 0 || calls < minimumCalls ? Double.NaN : part * 100.0 / calls;
    }
  }
}

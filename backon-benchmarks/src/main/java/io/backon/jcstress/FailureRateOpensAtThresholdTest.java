package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LLL_Result;

/**
 * A breaker judged only by its failure rate ({@code countBasedWindow(4)}, {@code minimumCalls(4)},
 * {@code failureRateThreshold(50)}, no consecutive-failure rule) has recorded one success and one
 * failure. Two more calls finish at once: one fails, one succeeds. Whatever the order, the window
 * then holds 4 calls, 2 failed: 50 %, at the threshold, so the breaker must open, exactly once.
 * Neither thread alone sees the fourth call, so whichever records last must notice that its call
 * completed {@code minimumCalls} — for the success, after a failure it may not have seen. Before
 * the fourth call (3 calls, below the minimum) the breaker must not open, so both calls are always
 * admitted.
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} the final state; {@code r2} the transitions announced ({@link
 * Transitions}); {@code r3} the window as {@code calls/failed}, plus {@code " rejected"} if a call
 * was refused.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t
 * FailureRateOpensAtThresholdTest}
 */
@JCStressTest
@Description("The call that brings the window to minimumCalls at the threshold opens it, once.")
@Outcome(
    id = "OPEN, CLOSED>OPEN, 4/2",
    expect = ACCEPTABLE,
    desc = "Opened once, with 4 calls in the window, 2 failed.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Not opened at the threshold, opened twice, opened early, or a record lost.")
@State
public class FailureRateOpensAtThresholdTest {

  static {
    QuietLogs.install();
  }

  private final RateOnlyBreaker breaker = new RateOnlyBreaker();

  public FailureRateOpensAtThresholdTest() {
    breaker.call(false);
    breaker.call(true);
  }

  @Actor
  public void actor1() {
    breaker.call(true);
  }

  @Actor
  public void actor2() {
    breaker.call(false);
  }

  @Arbiter
  public void arbiter(LLL_Result r) {
    breaker.report(r, false);
  }
}

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
 * {@code failureRateThreshold(50)}) has recorded one failure. Two more failures are recorded at
 * once: the window then holds 3 calls, all failed (100 %), but fewer than {@code minimumCalls}, so
 * the rate is not measured and the breaker must stay CLOSED — no thread may judge a window it
 * counted wrongly or before the minimum. Both failures must be in the window (no lost record), and
 * the rate must still read as not measured ({@code NaN}).
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} the final state; {@code r2} the transitions announced ({@link
 * Transitions}); {@code r3} the window as {@code calls/failed rate}.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t FailureRateMinimumCallsTest}
 */
@JCStressTest
@Description("Failures racing below minimumCalls never open the breaker; none is lost.")
@Outcome(
    id = "CLOSED, none, 3/3 NaN",
    expect = ACCEPTABLE,
    desc = "Still CLOSED: 3 calls, all failed, rate not measured below the minimum.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Opened with fewer than minimumCalls calls, or a failure lost from the window.")
@State
public class FailureRateMinimumCallsTest {

  static {
    QuietLogs.install();
  }

  private final RateOnlyBreaker breaker = new RateOnlyBreaker();

  public FailureRateMinimumCallsTest() {
    breaker.call(true);
  }

  @Actor
  public void actor1() {
    breaker.call(true);
  }

  @Actor
  public void actor2() {
    breaker.call(true);
  }

  @Arbiter
  public void arbiter(LLL_Result r) {
    breaker.report(r, true);
  }
}

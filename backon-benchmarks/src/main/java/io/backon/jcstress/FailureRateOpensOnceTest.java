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
 * {@code failureRateThreshold(50)}, no consecutive-failure rule) has recorded two successes. Two
 * failures are recorded at once: the window then holds 4 calls, 2 failed: 50 %, at the threshold.
 * Both threads may see the full window and both decide to open; the breaker must open exactly once
 * (one CLOSED → OPEN, announced once). With 3 calls the window is below the minimum, so neither
 * call is refused. The companion {@link FailureRateOpensAtThresholdTest} races a failure with a
 * success.
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} the final state; {@code r2} the transitions announced ({@link
 * Transitions}); {@code r3} the window as {@code calls/failed}, plus {@code " rejected"} if a call
 * was refused.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t FailureRateOpensOnceTest}
 */
@JCStressTest
@Description("Two failures reaching the failure-rate threshold together open the breaker once.")
@Outcome(
    id = "OPEN, CLOSED>OPEN, 4/2",
    expect = ACCEPTABLE,
    desc = "Opened once, with 4 calls in the window, 2 failed.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Not opened at the threshold, opened (or announced) twice, or a record lost.")
@State
public class FailureRateOpensOnceTest {

  static {
    QuietLogs.install();
  }

  private final RateOnlyBreaker breaker = new RateOnlyBreaker();

  public FailureRateOpensOnceTest() {
    breaker.call(false);
    breaker.call(false);
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
    breaker.report(r, false);
  }
}

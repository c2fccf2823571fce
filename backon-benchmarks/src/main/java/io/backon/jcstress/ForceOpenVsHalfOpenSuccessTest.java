package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.breaker.CircuitBreaker;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * A HALF_OPEN breaker ({@code successThreshold(1)}) has one trial call in flight. The trial
 * succeeds (which closes the breaker) while an operator calls {@code forceOpen()}. The manual
 * change must never be lost to the automatic one: the breaker ends FORCED_OPEN, either as HALF_OPEN
 * → CLOSED → FORCED_OPEN (success first) or HALF_OPEN → FORCED_OPEN (operator first; the late
 * success records nothing). Ending CLOSED would mean the success's compare-and-set overwrote the
 * operator's FORCED_OPEN.
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} the final state; {@code r2} the transitions announced ({@link
 * Transitions}).
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t ForceOpenVsHalfOpenSuccessTest}
 */
@JCStressTest
@Description("forceOpen() racing a trial success that closes the breaker: FORCED_OPEN wins.")
@Outcome(
    id = "FORCED_OPEN, CLOSED>FORCED_OPEN HALF_OPEN>CLOSED",
    expect = ACCEPTABLE,
    desc = "The trial closed the breaker, then the operator forced it open.")
@Outcome(
    id = "FORCED_OPEN, HALF_OPEN>FORCED_OPEN",
    expect = ACCEPTABLE,
    desc = "The operator came first (or won the CAS); the success changed nothing.")
@Outcome(
    expect = FORBIDDEN,
    desc = "The manual change was lost (CLOSED), or a transition was made or announced twice.")
@State
public class ForceOpenVsHalfOpenSuccessTest {

  static {
    QuietLogs.install();
  }

  private final Transitions transitions = new Transitions();
  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress").successThreshold(1).build();

  public ForceOpenVsHalfOpenSuccessTest() {
    breaker.halfOpen();
    breaker.tryAcquirePermission();
    breaker.onStateChange(transitions);
  }

  @Actor
  public void actor1() {
    breaker.onSuccess(0L);
  }

  @Actor
  public void actor2() {
    breaker.forceOpen();
  }

  @Arbiter
  public void arbiter(LL_Result r) {
    r.r1 = breaker.state();
    r.r2 = transitions.toString();
  }
}

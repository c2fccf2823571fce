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
 * A CLOSED breaker with {@code failureThreshold(1)} has one permitted call in flight. That call
 * fails (which opens the breaker) while an operator calls {@code forceOpen()}. The manual change
 * must never be lost: whichever comes first, the breaker ends FORCED_OPEN. Failure first: CLOSED →
 * OPEN → FORCED_OPEN. Operator first: CLOSED → FORCED_OPEN, and the failure, reported in
 * FORCED_OPEN, records nothing. When both decide at once, the failure's CLOSED → OPEN must fail its
 * compare-and-set rather than overwrite FORCED_OPEN. Each transition is announced once.
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} the final state; {@code r2} the transitions announced ({@link
 * Transitions}).
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t ForceOpenVsFailureTest}
 */
@JCStressTest
@Description("forceOpen() racing a failure that opens the breaker: FORCED_OPEN always wins.")
@Outcome(
    id = "FORCED_OPEN, CLOSED>OPEN OPEN>FORCED_OPEN",
    expect = ACCEPTABLE,
    desc = "The failure opened the breaker, then the operator forced it open.")
@Outcome(
    id = "FORCED_OPEN, CLOSED>FORCED_OPEN",
    expect = ACCEPTABLE,
    desc = "The operator came first (or won the CAS); the failure changed nothing.")
@Outcome(
    expect = FORBIDDEN,
    desc = "The manual change was lost (OPEN), or a transition was made or announced twice.")
@State
public class ForceOpenVsFailureTest {

  static {
    QuietLogs.install();
  }

  private final Transitions transitions = new Transitions();
  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress").failureThreshold(1).onStateChange(transitions).build();

  public ForceOpenVsFailureTest() {
    breaker.tryAcquirePermission();
  }

  @Actor
  public void actor1() {
    breaker.onError(0L, new IllegalStateException("downstream failed"));
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

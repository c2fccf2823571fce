package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerSnapshot;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LLI_Result;

/**
 * A CLOSED breaker with {@code failureThreshold(1)} has one permitted call in flight. The call
 * fails (which opens the breaker) while an operator calls {@code reset()}. Three linearizations are
 * legal: the failure opens, then the reset closes (CLOSED, both transitions announced); the reset
 * comes first and the failure, recorded in the fresh CLOSED period, opens it (OPEN, one failure
 * counted); or the failure is recorded in the old period but loses its CAS to the reset (CLOSED,
 * nothing announced: the reset wiped it). In every CLOSED outcome the fresh period counts no
 * failure, and an OPEN outcome has exactly the one failure that opened it.
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} the final state; {@code r2} the transitions announced ({@link
 * Transitions}); {@code r3} the snapshot's {@code consecutiveFailures}.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t ResetVsFailureTest}
 */
@JCStressTest
@Description("reset() racing a failure that opens the breaker: a legal state, consistent counts.")
@Outcome(
    id = "CLOSED, CLOSED>OPEN OPEN>CLOSED, 0",
    expect = ACCEPTABLE,
    desc = "The failure opened the breaker, the reset closed it with empty counts.")
@Outcome(
    id = "OPEN, CLOSED>OPEN, 1",
    expect = ACCEPTABLE,
    desc = "The reset came first; the failure then opened the fresh CLOSED period.")
@Outcome(
    id = "CLOSED, none, 0",
    expect = ACCEPTABLE,
    desc = "The failure was recorded before the reset, which wiped it; the open lost its CAS.")
@Outcome(
    expect = FORBIDDEN,
    desc = "A failure counted but not acted on, a lost or doubled transition, or stale counts.")
@State
public class ResetVsFailureTest {

  static {
    QuietLogs.install();
  }

  private final Transitions transitions = new Transitions();
  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress").failureThreshold(1).onStateChange(transitions).build();

  public ResetVsFailureTest() {
    breaker.tryAcquirePermission();
  }

  @Actor
  public void actor1() {
    breaker.onError(0L, new IllegalStateException("downstream failed"));
  }

  @Actor
  public void actor2() {
    breaker.reset();
  }

  @Arbiter
  public void arbiter(LLI_Result r) {
    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    r.r1 = snapshot.state();
    r.r2 = transitions.toString();
    r.r3 = snapshot.consecutiveFailures();
  }
}

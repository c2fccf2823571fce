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
 * A HALF_OPEN breaker ({@code successThreshold(1)}) with one trial in flight, which had one call
 * rejected before. The trial succeeds (which closes the breaker) while an operator calls {@code
 * reset()}. Both lead to CLOSED, and HALF_OPEN → CLOSED must be announced exactly once: by the
 * success if it comes first (the reset of a CLOSED breaker announces nothing), by the reset
 * otherwise (the success then loses its CAS, or lands in the fresh CLOSED period as a plain
 * success). The reset also clears the rejected-calls count, whatever the order.
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} the final state; {@code r2} the transitions announced ({@link
 * Transitions}); {@code r3} the snapshot's {@code rejectedCalls}.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t ResetVsHalfOpenSuccessTest}
 */
@JCStressTest
@Description("reset() racing a trial success that closes the breaker: closed once, counts reset.")
@Outcome(
    id = "CLOSED, HALF_OPEN>CLOSED, 0",
    expect = ACCEPTABLE,
    desc = "Closed once (by either), rejected-calls count cleared.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Closed twice, not closed, or the reset's clearing of the counts was lost.")
@State
public class ResetVsHalfOpenSuccessTest {

  static {
    QuietLogs.install();
  }

  private final Transitions transitions = new Transitions();
  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress").successThreshold(1).build();

  public ResetVsHalfOpenSuccessTest() {
    breaker.halfOpen();
    breaker.tryAcquirePermission();
    breaker.tryAcquirePermission(); // rejected: the one slot is taken
    breaker.onStateChange(transitions);
  }

  @Actor
  public void actor1() {
    breaker.onSuccess(0L);
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
    r.r3 = (int) snapshot.rejectedCalls();
  }
}

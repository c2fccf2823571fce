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
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * A HALF_OPEN breaker with {@code halfOpenMaxCalls(1)} (moved there by {@code halfOpen()} before
 * the actors start) is asked for permission by two threads at once. Exactly one of them must be
 * admitted as the trial call: none would leave the breaker unable to ever probe the downstream
 * (nobody reports, nobody leaves HALF_OPEN), both would overrun the trial limit. (Two actors, not
 * three, so that the test also runs on two-CPU machines: jcstress skips tests with more actors than
 * CPUs.)
 *
 * <p>Result: the number of threads whose {@code tryAcquirePermission()} returned {@code true}.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t HalfOpenAdmissionTest}
 */
@JCStressTest
@Description("HALF_OPEN with halfOpenMaxCalls(1) admits exactly one of two racing callers.")
@Outcome(id = "1", expect = ACCEPTABLE, desc = "Exactly one trial call admitted.")
@Outcome(id = "0", expect = FORBIDDEN, desc = "No trial admitted although a slot was free.")
@Outcome(expect = FORBIDDEN, desc = "More trials admitted than halfOpenMaxCalls.")
@State
public class HalfOpenAdmissionTest {

  static {
    QuietLogs.install();
  }

  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress").halfOpenMaxCalls(1).build();

  private boolean admitted1;
  private boolean admitted2;

  public HalfOpenAdmissionTest() {
    breaker.halfOpen();
  }

  @Actor
  public void actor1() {
    admitted1 = breaker.tryAcquirePermission();
  }

  @Actor
  public void actor2() {
    admitted2 = breaker.tryAcquirePermission();
  }

  @Arbiter
  public void arbiter(I_Result r) {
    r.r1 = (admitted1 ? 1 : 0) + (admitted2 ? 1 : 0);
  }
}

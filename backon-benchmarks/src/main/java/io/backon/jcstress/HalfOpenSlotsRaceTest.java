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
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A HALF_OPEN breaker with {@code halfOpenMaxCalls(2)} is asked for permission by three threads at
 * once. Exactly two must be admitted as trial calls and the third rejected (and counted as
 * rejected): three would overrun the trial limit, fewer than two would leave a slot unused although
 * a caller asked for it. Unlike {@link HalfOpenAdmissionTest} the slots are a counter above one, so
 * two admissions must both succeed while a third CAS on the same counter fails.
 *
 * <p><b>Three actors: jcstress skips this test on machines with fewer than three CPUs</b> (it only
 * runs tests whose actors each get a CPU); {@link HalfOpenFreedSlotTest} covers a two-thread race
 * on a multi-slot counter.
 *
 * <p>Result: {@code r1} the number of callers admitted; {@code r2} the breaker's {@code
 * rejectedCalls}.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t HalfOpenSlotsRaceTest}
 */
@JCStressTest
@Description("HALF_OPEN with halfOpenMaxCalls(2) admits exactly two of three racing callers.")
@Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "Two trials admitted, the third rejected.")
@Outcome(
    expect = FORBIDDEN,
    desc = "More trials than halfOpenMaxCalls, a free slot refused, or a rejection not counted.")
@State
public class HalfOpenSlotsRaceTest {

  static {
    QuietLogs.install();
  }

  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress").halfOpenMaxCalls(2).build();

  private boolean admitted1;
  private boolean admitted2;
  private boolean admitted3;

  public HalfOpenSlotsRaceTest() {
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

  @Actor
  public void actor3() {
    admitted3 = breaker.tryAcquirePermission();
  }

  @Arbiter
  public void arbiter(II_Result r) {
    r.r1 = (admitted1 ? 1 : 0) + (admitted2 ? 1 : 0) + (admitted3 ? 1 : 0);
    r.r2 = (int) breaker.snapshot().rejectedCalls();
  }
}

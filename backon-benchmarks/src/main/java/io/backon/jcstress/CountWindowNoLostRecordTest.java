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
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * Two threads record into an empty count-based window of 8 calls at once, each one failure and one
 * success (in opposite orders); the window is never judged ({@code minimumCalls(8)}). Once both are
 * done the window must hold exactly 4 calls, 2 failed: the cursor hands every writer its own slot,
 * and the running totals take each writer's delta exactly once.
 *
 * <p>Runs on two CPUs. {@link CountWindowWrapTest} covers writers that wrap the ring.
 *
 * <p>Result: {@code r1} the final state; {@code r2} the window as {@code calls/failed}.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t CountWindowNoLostRecordTest}
 */
@JCStressTest
@Description("Concurrent records into a count window: none lost, none counted twice.")
@Outcome(id = "CLOSED, 4/2", expect = ACCEPTABLE, desc = "Every record in the window.")
@Outcome(expect = FORBIDDEN, desc = "A record lost or counted twice, or the breaker opened.")
@State
public class CountWindowNoLostRecordTest {

  static {
    QuietLogs.install();
  }

  private final IllegalStateException failure = new IllegalStateException("downstream failed");

  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress").countBasedWindow(8).minimumCalls(8).build();

  @Actor
  public void actor1() {
    breaker.onError(0L, failure);
    breaker.onSuccess(0L);
  }

  @Actor
  public void actor2() {
    breaker.onSuccess(0L);
    breaker.onError(0L, failure);
  }

  @Arbiter
  public void arbiter(LL_Result r) {
    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    r.r1 = snapshot.state();
    r.r2 = snapshot.bufferedCalls() + "/" + snapshot.failedCalls();
  }
}

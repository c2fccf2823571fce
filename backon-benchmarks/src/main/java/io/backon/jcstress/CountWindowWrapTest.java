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
 * A count-based window of 3 calls is full of successes ({@code minimumCalls(3)}, {@code
 * failureRateThreshold(100)}: it would open only on 3 failures, and only 2 are ever recorded). Two
 * threads then record at once, actor 1 a failure then a success, actor 2 a success then a failure:
 * four records into three slots, so the ring wraps and the first record claimed is overwritten. The
 * window must end full (3 calls) holding the last three records claimed: 2 failures if actor 2's
 * success was claimed first (or skipped: a success into a ring of successes changes nothing), 1 if
 * actor 1's failure was. Anything else means an overwritten outcome's delta was lost or applied
 * twice.
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} the final state; {@code r2} the window as {@code calls/failed}.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t CountWindowWrapTest}
 */
@JCStressTest
@Description("Concurrent records wrapping a count window keep its totals equal to its contents.")
@Outcome(
    id = "CLOSED, 3/1",
    expect = ACCEPTABLE,
    desc = "Actor 1's failure was claimed first and overwritten.")
@Outcome(
    id = "CLOSED, 3/2",
    expect = ACCEPTABLE,
    desc = "Actor 2's success was claimed first (or skipped) and overwritten.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Totals that match no possible contents (a delta lost or doubled), or opened.")
@State
public class CountWindowWrapTest {

  static {
    QuietLogs.install();
  }

  private final IllegalStateException failure = new IllegalStateException("downstream failed");

  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress")
          .countBasedWindow(3)
          .minimumCalls(3)
          .failureRateThreshold(100)
          .build();

  public CountWindowWrapTest() {
    for (int i = 0; i < 3; i++) {
      breaker.onSuccess(0L);
    }
  }

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

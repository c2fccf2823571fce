package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitState;
import io.backon.breaker.CircuitStateTransition;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A breaker with {@code failureThreshold(2)} sees two failures recorded at the same time by two
 * threads (each acquires permission, then reports {@code onError}). The second failure, whichever
 * thread makes it, must open the breaker, and the CLOSED → OPEN transition must happen and be
 * announced to the listener exactly once: never zero times (a lost failure count), never twice (two
 * threads both deciding to open).
 *
 * <p>Result: {@code r1} is 1 when the breaker ends OPEN, 0 when it ends in another state, -1 when a
 * permission was refused in CLOSED or a listener saw any transition other than CLOSED → OPEN;
 * {@code r2} is the number of CLOSED → OPEN events the listener received.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t BreakerOpensOnceTest}
 */
@JCStressTest
@Description("Two concurrent failures at failureThreshold(2) open the breaker exactly once.")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "OPEN, announced once.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Not opened, opened twice, a refused permission or a stray " + "transition.")
@State
public class BreakerOpensOnceTest {

  static {
    QuietLogs.install();
  }

  private static final IllegalStateException FAILURE =
      new IllegalStateException("downstream failed");

  private final AtomicInteger closedToOpen = new AtomicInteger();
  private final AtomicInteger otherTransitions = new AtomicInteger();

  /** Default clock: the 60 s recovery timeout never elapses during one test. */
  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress").failureThreshold(2).onStateChange(this::count).build();

  private volatile boolean refused;

  private void count(CircuitStateTransition t) {
    if (t.from() == CircuitState.CLOSED && t.to() == CircuitState.OPEN) {
      closedToOpen.incrementAndGet();
    } else {
      otherTransitions.incrementAndGet();
    }
  }

  private void fail() {
    if (breaker.tryAcquirePermission()) {
      breaker.onError(1L, FAILURE);
    } else {
      refused = true;
    }
  }

  @Actor
  public void actor1() {
    fail();
  }

  @Actor
  public void actor2() {
    fail();
  }

  @Arbiter
  public void arbiter(II_Result r) {
    boolean broken = refused || otherTransitions.get() != 0;
    r.r1 = broken ? -1 : breaker.state() == CircuitState.OPEN ? 1 : 0;
    r.r2 = closedToOpen.get();
  }
}

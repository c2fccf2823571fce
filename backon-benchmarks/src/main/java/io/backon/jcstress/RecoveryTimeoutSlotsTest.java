package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.breaker.CircuitBreaker;
import io.backon.testing.FakeClock;
import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ILI_Result;

/**
 * Like {@link RecoveryTimeoutTransitionTest}, with {@code halfOpenMaxCalls(2)} and three callers:
 * the recovery timeout on the {@link FakeClock} has just passed, the three ask for permission at
 * once, and the breaker must move OPEN → HALF_OPEN exactly once and admit exactly two trials, the
 * third caller rejected and counted. A caller that lost the transition CAS must join the new
 * HALF_OPEN phase, not install its own.
 *
 * <p><b>Three actors: jcstress skips this test on machines with fewer than three CPUs.</b>
 *
 * <p>Result: {@code r1} the callers admitted; {@code r2} the transitions announced ({@link
 * Transitions}); {@code r3} the breaker's {@code rejectedCalls}.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t RecoveryTimeoutSlotsTest}
 */
@JCStressTest
@Description("Three callers after the recovery timeout: one transition, exactly two trials.")
@Outcome(
    id = "2, OPEN>HALF_OPEN, 1",
    expect = ACCEPTABLE,
    desc = "One transition, two trials, one rejection.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Two transitions, none, more trials than halfOpenMaxCalls, or a free slot refused.")
@State
public class RecoveryTimeoutSlotsTest {

  static {
    QuietLogs.install();
  }

  private final FakeClock clock = new FakeClock();
  private final Transitions transitions = new Transitions();
  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress")
          .failureThreshold(1)
          .recoveryTimeout(Duration.ofSeconds(10))
          .halfOpenMaxCalls(2)
          .clock(clock)
          .build();

  private boolean admitted1;
  private boolean admitted2;
  private boolean admitted3;

  public RecoveryTimeoutSlotsTest() {
    breaker.tryAcquirePermission();
    breaker.onError(0L, new IllegalStateException("downstream failed"));
    breaker.onStateChange(transitions);
    clock.advance(Duration.ofSeconds(10));
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
  public void arbiter(ILI_Result r) {
    r.r1 = (admitted1 ? 1 : 0) + (admitted2 ? 1 : 0) + (admitted3 ? 1 : 0);
    r.r2 = transitions.toString();
    r.r3 = (int) breaker.snapshot().rejectedCalls();
  }
}

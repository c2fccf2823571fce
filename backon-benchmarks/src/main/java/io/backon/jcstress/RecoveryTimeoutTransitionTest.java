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
import org.openjdk.jcstress.infra.results.ILL_Result;

/**
 * An OPEN breaker ({@code failureThreshold(1)}, {@code recoveryTimeout(10 s)}, {@code
 * halfOpenMaxCalls(1)}) on a {@link FakeClock} that has just been moved past the recovery timeout
 * is asked for permission by two threads at once. Both find the timeout over; exactly one of them
 * must move the breaker OPEN → HALF_OPEN (announced once: two announcements would mean two threads
 * both installed a HALF_OPEN phase, each with its own free slot), and exactly one caller is
 * admitted as the trial.
 *
 * <p>Runs on two CPUs; {@link RecoveryTimeoutSlotsTest} races three callers for two slots.
 *
 * <p>Result: {@code r1} the callers admitted; {@code r2} the transitions announced ({@link
 * Transitions}); {@code r3} the final state.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t RecoveryTimeoutTransitionTest}
 */
@JCStressTest
@Description("OPEN -> HALF_OPEN on an expired recovery timeout happens once; one trial admitted.")
@Outcome(
    id = "1, OPEN>HALF_OPEN, HALF_OPEN",
    expect = ACCEPTABLE,
    desc = "One transition, one trial admitted, the other caller rejected.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Two transitions, none, two trials admitted, or no trial although the slot was free.")
@State
public class RecoveryTimeoutTransitionTest {

  static {
    QuietLogs.install();
  }

  private final FakeClock clock = new FakeClock();
  private final Transitions transitions = new Transitions();
  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress")
          .failureThreshold(1)
          .recoveryTimeout(Duration.ofSeconds(10))
          .halfOpenMaxCalls(1)
          .clock(clock)
          .build();

  private boolean admitted1;
  private boolean admitted2;

  public RecoveryTimeoutTransitionTest() {
    breaker.tryAcquirePermission();
    breaker.onError(0L, new IllegalStateException("downstream failed"));
    breaker.onStateChange(transitions); // only the transitions the actors make
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

  @Arbiter
  public void arbiter(ILL_Result r) {
    r.r1 = (admitted1 ? 1 : 0) + (admitted2 ? 1 : 0);
    r.r2 = transitions.toString();
    r.r3 = breaker.state();
  }
}

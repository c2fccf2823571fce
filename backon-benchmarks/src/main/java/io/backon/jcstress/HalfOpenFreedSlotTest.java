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
import org.openjdk.jcstress.infra.results.IIL_Result;

/**
 * A HALF_OPEN breaker with {@code halfOpenMaxCalls(2)} has both trial slots taken before the actors
 * start. One trial reports a success (freeing its slot; {@code successThreshold(3)}, so the breaker
 * stays HALF_OPEN) while another caller asks for permission. The caller is admitted if the slot was
 * freed first, rejected otherwise; either way two trials at most are ever in flight, and no slot is
 * lost. The arbiter counts the slots still free by asking for permission until refused.
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} 1 when the racing caller was admitted; {@code r2} the slots the arbiter
 * could still take; {@code r3} the final state.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t HalfOpenFreedSlotTest}
 */
@JCStressTest
@Description("A trial slot freed while another caller asks is reused at most once, never lost.")
@Outcome(
    id = "1, 0, HALF_OPEN",
    expect = ACCEPTABLE,
    desc = "Slot freed first, the caller took it: two trials in flight.")
@Outcome(
    id = "0, 1, HALF_OPEN",
    expect = ACCEPTABLE,
    desc = "Caller rejected first, then the slot was freed and stays free.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Three trials in flight (r1 + r2 = 2), a lost slot (r1 + r2 = 0), or a state change.")
@State
public class HalfOpenFreedSlotTest {

  static {
    QuietLogs.install();
  }

  private final CircuitBreaker breaker =
      CircuitBreaker.builder("jcstress").halfOpenMaxCalls(2).successThreshold(3).build();

  private boolean admitted;

  public HalfOpenFreedSlotTest() {
    breaker.halfOpen();
    breaker.tryAcquirePermission();
    breaker.tryAcquirePermission();
  }

  /** One of the two running trials succeeds. */
  @Actor
  public void actor1() {
    breaker.onSuccess(0L);
  }

  /** A new caller asks for a trial slot. */
  @Actor
  public void actor2() {
    admitted = breaker.tryAcquirePermission();
  }

  @Arbiter
  public void arbiter(IIL_Result r) {
    int free = 0;
    while (free < 3 && breaker.tryAcquirePermission()) {
      free++;
    }
    r.r1 = admitted ? 1 : 0;
    r.r2 = free;
    r.r3 = breaker.state();
  }
}

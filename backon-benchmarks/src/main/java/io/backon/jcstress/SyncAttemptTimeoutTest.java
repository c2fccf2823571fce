package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.testing.ManualScheduler;
import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LZ_Result;

/**
 * The blocking attempt-timeout guard against the attempt finishing: actor 1 makes a one-attempt
 * call ({@code attemptTimeout(1 s)}, timers on a {@link ManualScheduler}) whose target returns
 * {@code "v"} at once, while actor 2 moves the scheduler's clock by 1 s, firing the guard if it is
 * armed (an advance made before the guard is armed only moves its due time). Exactly one outcome:
 * the value, or {@code AttemptTimeoutException} (the guard fired before the attempt was over; the
 * value is discarded) — never both, never neither, never another failure. The guard's interrupt
 * must never leak out of the call: actor 1's thread is not interrupted afterwards.
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} the call's outcome ({@code "value-v"} or the failure's class name); {@code
 * r2} whether actor 1's thread was left interrupted.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t SyncAttemptTimeoutTest}
 */
@JCStressTest
@Description("The sync attempt-timeout guard racing the attempt's end: one outcome, no interrupt.")
@Outcome(id = "value-v, false", expect = ACCEPTABLE, desc = "The attempt finished first.")
@Outcome(
    id = "AttemptTimeoutException, false",
    expect = ACCEPTABLE,
    desc = "The guard fired first; the late value was discarded.")
@Outcome(
    expect = FORBIDDEN,
    desc = "The interrupt leaked out of the call, or an outcome other than the two.")
@State
public class SyncAttemptTimeoutTest {

  static {
    QuietLogs.install();
  }

  private final ManualScheduler scheduler = new ManualScheduler();
  private final Retrying retrying =
      Retrying.of(
          RetryPolicy.builder()
              .maxTries(1)
              .attemptTimeout(Duration.ofSeconds(1))
              .clock(scheduler.clock())
              .scheduler(scheduler)
              .giveUpLogLevel(System.Logger.Level.OFF)
              .build());

  private String outcome = "not run";
  private boolean leftInterrupted;

  @Actor
  public void actor1() {
    try {
      outcome = "value-" + retrying.call(() -> "v");
    } catch (Exception e) {
      outcome = e.getClass().getSimpleName();
    }
    leftInterrupted = Thread.interrupted(); // also clears it, so a leak cannot spoil other tests
  }

  @Actor
  public void actor2() {
    scheduler.advance(Duration.ofSeconds(1));
  }

  @Arbiter
  public void arbiter(LZ_Result r) {
    r.r1 = outcome;
    r.r2 = leftInterrupted;
  }
}

package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.RetryPolicy;
import io.backon.RetryStatistics;
import io.backon.Retrying;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two threads finish calls through one shared {@link Retrying} at the same time; {@code
 * statistics()} reports the most recently completed call, and must report one call whole: never the
 * attempt count of one call with the idle time of the other.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t
 * RetryingStatisticsConsistencyTest}
 */
@JCStressTest
@Description("Retrying.statistics() never mixes the fields of two concurrent calls.")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "Actor 1's call (1 attempt, no wait) was last.")
@Outcome(
    id = "2, 7",
    expect = ACCEPTABLE,
    desc = "Actor 2's call (2 attempts, 7 ns idle) was last.")
@Outcome(expect = FORBIDDEN, desc = "A torn snapshot, or a call failed (-1).")
@State
public class RetryingStatisticsConsistencyTest {

  /** Opt-in statistics; a 7 ns wait that is never slept for real; no log lines. */
  private final Retrying retrying =
      Retrying.of(
          RetryPolicy.builder()
              .maxTries(3)
              .wait(Wait.constant(Duration.ofNanos(7)))
              .jitter(Jitter.none())
              .sleeper(nanos -> {})
              .statistics(true)
              .backoffLogLevel(System.Logger.Level.OFF)
              .build());

  private int actor2Attempts;
  private boolean failed;

  /** A call that succeeds at once. */
  @Actor
  public void actor1() {
    try {
      retrying.call(() -> "first try");
    } catch (Exception e) {
      failed = true;
    }
  }

  /** A call that fails once, waits 7 ns, then succeeds. */
  @Actor
  public void actor2() {
    try {
      retrying.call(
          () -> {
            if (++actor2Attempts == 1) {
              throw new IllegalStateException("first attempt fails");
            }
            return "second try";
          });
    } catch (Exception e) {
      failed = true;
    }
  }

  /** Reads the snapshot after both calls completed. */
  @Arbiter
  public void arbiter(II_Result r) {
    RetryStatistics last = retrying.statistics();
    r.r1 = failed ? -1 : last.attemptNumber();
    r.r2 = failed ? -1 : (int) last.idleFor().toNanos();
  }
}

package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.wait.Wait;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two threads share one {@link Retrying}; {@code statistics()} is a per-thread record of the
 * caller's own last call, so neither thread may see the other's attempt count.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t RetryingStatisticsIsolationTest}
 */
@JCStressTest
@Description("Retrying.statistics() reports the calling thread's last call, even when shared.")
@Outcome(id = "1, 2", expect = ACCEPTABLE,
    desc = "Each actor sees its own call: 1 attempt (success) and 2 attempts (fail, then success).")
@Outcome(expect = FORBIDDEN,
    desc = "Statistics leaked between threads, or a call was miscounted (-1: the call threw).")
@State
public class RetryingStatisticsIsolationTest {

  /**
   * Statistics are opt-in ({@code statistics(true)}); the back-off log line is switched off so
   * millions of iterations do not flood stderr.
   */
  private final Retrying retrying = Retrying.of(RetryPolicy.builder()
      .maxTries(3)
      .wait(Wait.none())
      .statistics(true)
      .backoffLogLevel(System.Logger.Level.OFF)
      .build());

  /** Attempts made by actor 2's target; only actor 2 touches it. */
  private int actor2Attempts;

  /** Target succeeds at once. */
  @Actor
  public void actor1(II_Result r) {
    try {
      retrying.call(() -> "first try");
      r.r1 = retrying.statistics().attemptNumber();
    } catch (Exception e) {
      r.r1 = -1;
    }
  }

  /** Target fails once, then succeeds. */
  @Actor
  public void actor2(II_Result r) {
    try {
      retrying.call(() -> {
        if (++actor2Attempts == 1) {
          throw new IllegalStateException("first attempt fails");
        }
        return "second try";
      });
      r.r2 = retrying.statistics().attemptNumber();
    } catch (Exception e) {
      r.r2 = -1;
    }
  }
}

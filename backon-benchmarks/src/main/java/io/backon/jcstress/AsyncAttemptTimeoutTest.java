package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.testing.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LI_Result;

/**
 * The async attempt-timeout timer against the attempt finishing: a one-attempt async call ({@code
 * attemptTimeout(1 s)}, timers on a {@link ManualScheduler}, direct executor) is waiting for its
 * attempt's future when actor 1 completes that future with {@code "v"} and actor 2 moves the clock
 * by 1 s, firing the timeout. Exactly one outcome: the value, or {@code AttemptTimeoutException} —
 * never both, never neither, never the cancellation the timeout causes leaking out as a {@code
 * CancellationException}. Either way no timer stays pending.
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} the call's result ({@link FutureOutcome}); {@code r2} the scheduler's
 * pending tasks afterwards.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t AsyncAttemptTimeoutTest}
 */
@JCStressTest
@Description("The async attempt timeout racing the attempt's completion: exactly one outcome.")
@Outcome(id = "value-v, 0", expect = ACCEPTABLE, desc = "The attempt completed first.")
@Outcome(
    id = "AttemptTimeoutException, 0",
    expect = ACCEPTABLE,
    desc = "The timeout fired first; the late value was discarded.")
@Outcome(
    expect = FORBIDDEN,
    desc = "No outcome, a cancellation or other failure as the outcome, or a timer left pending.")
@State
public class AsyncAttemptTimeoutTest {

  static {
    QuietLogs.install();
  }

  private final ManualScheduler scheduler = new ManualScheduler();
  private final CompletableFuture<String> attempt = new CompletableFuture<>();
  private final CompletableFuture<String> result;

  public AsyncAttemptTimeoutTest() {
    Retrying retrying =
        Retrying.of(
            RetryPolicy.builder()
                .maxTries(1)
                .attemptTimeout(Duration.ofSeconds(1))
                .clock(scheduler.clock())
                .scheduler(scheduler)
                .executor(Runnable::run)
                .giveUpLogLevel(System.Logger.Level.OFF)
                .build());
    result = retrying.callAsync(() -> attempt);
  }

  @Actor
  public void actor1() {
    attempt.complete("v");
  }

  @Actor
  public void actor2() {
    scheduler.advance(Duration.ofSeconds(1));
  }

  @Arbiter
  public void arbiter(LI_Result r) {
    r.r1 = FutureOutcome.of(result);
    r.r2 = scheduler.pendingTasks();
  }
}

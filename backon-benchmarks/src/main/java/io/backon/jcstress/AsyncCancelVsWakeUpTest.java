package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LLLL_Result;

/**
 * An async call in its back-off ({@link AsyncCallRace}): actor 1 fires the back-off wake-up while
 * actor 2 cancels the call's future. The call ends exactly once, cancelled; the wake-up either
 * finds the call over and starts nothing, or starts attempt 2 just before, and then the cancel must
 * cancel that attempt. An attempt still running after the call was cancelled (leaked), or one
 * started after the cancel took effect and not cancelled, is forbidden, and so is a deadline timer
 * left armed.
 *
 * <p>Runs on two CPUs. {@link AsyncCancelWakeUpDeadlineTest} adds the deadline to the race.
 *
 * <p>Result: {@code r1} the call's result; {@code r2} the attempts started; {@code r3} attempt 2's
 * future ({@code none}, {@code cancelled}, {@code pending}); {@code r4} whether the deadline timer
 * was called off.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t AsyncCancelVsWakeUpTest}
 */
@JCStressTest
@Description("Cancelling an async call while its back-off wakes up: cancelled once, nothing leaks.")
@Outcome(
    id = "cancelled, 1, none, true",
    expect = ACCEPTABLE,
    desc = "Cancel first: the wake-up started nothing.")
@Outcome(
    id = "cancelled, 2, cancelled, true",
    expect = ACCEPTABLE,
    desc = "Wake-up first: attempt 2 started, and the cancel cancelled it.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Attempt 2 left running, a third attempt, another result, or the deadline timer armed.")
@State
public class AsyncCancelVsWakeUpTest {

  static {
    QuietLogs.install();
  }

  private final AsyncCallRace call = new AsyncCallRace();

  @Actor
  public void actor1() {
    call.wakeUp();
  }

  @Actor
  public void actor2() {
    call.cancel();
  }

  @Arbiter
  public void arbiter(LLLL_Result r) {
    r.r1 = call.result();
    r.r2 = call.attempts();
    r.r3 = call.secondAttempt();
    r.r4 = call.deadlineTimerCancelled();
  }
}

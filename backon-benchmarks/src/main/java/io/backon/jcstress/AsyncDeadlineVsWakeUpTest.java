package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LIL_Result;

/**
 * An async call in its back-off ({@link AsyncCallRace}): actor 1 fires the back-off wake-up while
 * actor 2 fires the deadline timer. The call ends exactly once, with {@code
 * DeadlineExceededException}: the deadline either finds the call idle and ends it, or finds the
 * wake-up busy and hands the end to it ({@code deadlineHit}), or comes after attempt 2 started and
 * cancels that attempt. An attempt 2 still running when the call has ended is forbidden, as is any
 * other result.
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} the call's result; {@code r2} the attempts started; {@code r3} attempt 2's
 * future ({@code none}, {@code cancelled}, {@code pending}).
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t AsyncDeadlineVsWakeUpTest}
 */
@JCStressTest
@Description("An async call's deadline passing while its back-off wakes up: ends once, no leak.")
@Outcome(
    id = "DeadlineExceededException, 1, none",
    expect = ACCEPTABLE,
    desc = "The deadline ended the call before attempt 2 could start.")
@Outcome(
    id = "DeadlineExceededException, 2, cancelled",
    expect = ACCEPTABLE,
    desc = "Attempt 2 started, then the deadline ended the call and cancelled it.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Attempt 2 left running, a third attempt, no result, or another result.")
@State
public class AsyncDeadlineVsWakeUpTest {

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
    call.deadlinePasses();
  }

  @Arbiter
  public void arbiter(LIL_Result r) {
    r.r1 = call.result();
    r.r2 = call.attempts();
    r.r3 = call.secondAttempt();
  }
}

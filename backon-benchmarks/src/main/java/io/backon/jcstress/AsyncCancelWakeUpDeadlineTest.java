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
 * An async call in its back-off ({@link AsyncCallRace}) meets three things at once: actor 1 fires
 * the back-off wake-up, actor 2 fires the deadline timer, actor 3 cancels the call's future. The
 * call completes exactly once, cancelled or with {@code DeadlineExceededException} (then the
 * caller's cancel returned false: "/too-late"); attempt 2 either never started or was cancelled;
 * nothing is left running and no third attempt starts.
 *
 * <p><b>Three actors: jcstress skips this test on machines with fewer than three CPUs</b>; {@link
 * AsyncCancelVsWakeUpTest} and {@link AsyncDeadlineVsWakeUpTest} race the pairs on two.
 *
 * <p>Result: {@code r1} the call's result; {@code r2} the attempts started; {@code r3} attempt 2's
 * future ({@code none}, {@code cancelled}, {@code pending}).
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t AsyncCancelWakeUpDeadlineTest}
 */
@JCStressTest
@Description("Cancel, back-off wake-up and deadline racing on an async call: one outcome, no leak.")
@Outcome(
    id = {"cancelled, 1, none", "DeadlineExceededException/too-late, 1, none"},
    expect = ACCEPTABLE,
    desc = "Cancel or deadline ended the call before attempt 2 could start.")
@Outcome(
    id = {"cancelled, 2, cancelled", "DeadlineExceededException/too-late, 2, cancelled"},
    expect = ACCEPTABLE,
    desc = "Attempt 2 started, then the cancel or the deadline ended the call and cancelled it.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Attempt 2 left running, a third attempt, two outcomes, or a result that disagrees.")
@State
public class AsyncCancelWakeUpDeadlineTest {

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

  @Actor
  public void actor3() {
    call.cancel();
  }

  @Arbiter
  public void arbiter(LIL_Result r) {
    r.r1 = call.result();
    r.r2 = call.attempts();
    r.r3 = call.secondAttempt();
  }
}

package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.Hedging;
import io.backon.hedge.HedgingPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LLLL_Result;

/**
 * A hedged async call ({@code maxHedges(2)}, zero hedge delay, direct executor) has both copies
 * launched before the actors start. Actor 1 completes copy 1 with {@code "a"} while actor 2 cancels
 * the call's future. The call must have exactly one outcome, and the caller's {@code cancel} must
 * agree with it: the value (cancel returned false) or the cancellation (cancel returned true),
 * never a value after a successful cancel. The engine's books must settle once either way: exactly
 * one terminal callback per copy, one ending.
 *
 * <ul>
 *   <li>Cancel first: the call ends CANCELLED and both copies are reported cancelled; copy 1's late
 *       value is discarded.
 *   <li>Win first: the value, copy 1 succeeded, copy 2 cancelled, PRIMARY_WON.
 *   <li>Win and cancel together: the copy won the engine's race (copySucceeded, PRIMARY_WON) but
 *       the caller's cancel reached the future first, so the caller sees the cancellation it asked
 *       for. Legal: the copy did succeed, and the future has exactly one outcome.
 * </ul>
 *
 * <p>Runs on two CPUs.
 *
 * <p>Result: {@code r1} the call's result ({@link FutureOutcome}); {@code r2} what {@code cancel}
 * returned; {@code r3} the copies' terminal callbacks ({@link CopyLog}); {@code r4} how the call
 * ended.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t HedgeWinnerVsCancelTest}
 */
@JCStressTest
@Description("A hedged copy winning while the caller cancels: one outcome, books settled once.")
@Outcome(
    id = "cancelled, true, C1 C2, CANCELLED",
    expect = ACCEPTABLE,
    desc = "Cancel first: both copies cancelled.")
@Outcome(
    id = "value-a, false, S1 C2, PRIMARY_WON",
    expect = ACCEPTABLE,
    desc = "Copy 1 won first; the cancel came too late.")
@Outcome(
    id = "cancelled, true, S1 C2, PRIMARY_WON",
    expect = ACCEPTABLE,
    desc = "Copy 1 won the engine's race, the caller's cancel reached the future first.")
@Outcome(
    expect = FORBIDDEN,
    desc = "Two outcomes, none, a cancel that disagrees with the result, or a copy reported twice.")
@State
public class HedgeWinnerVsCancelTest {

  static {
    QuietLogs.install();
  }

  private static final HedgingPolicy POLICY =
      HedgingPolicy.builder()
          .maxHedges(2)
          .hedgeDelay(Duration.ZERO)
          .executor(Runnable::run)
          .build();

  /** The stages handed to copy 1 and copy 2. */
  private final CompletableFuture<String> stage1 = new CompletableFuture<>();

  private final CompletableFuture<String> stage2 = new CompletableFuture<>();

  private final CopyLog log = new CopyLog();
  private final CompletableFuture<String> result;
  private boolean cancelReturned;

  public HedgeWinnerVsCancelTest() {
    int[] next = {0};
    result = Hedging.callAsync(POLICY, () -> next[0]++ == 0 ? stage1 : stage2, log);
  }

  @Actor
  public void actor1() {
    stage1.complete("a");
  }

  @Actor
  public void actor2() {
    cancelReturned = result.cancel(true);
  }

  @Arbiter
  public void arbiter(LLLL_Result r) {
    r.r1 = FutureOutcome.of(result);
    r.r2 = cancelReturned;
    r.r3 = log.copies();
    r.r4 = log.ending();
  }
}

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
import org.openjdk.jcstress.infra.results.LLL_Result;

/**
 * A hedged async call ({@code maxHedges(2)}, zero hedge delay, direct executor) has both copies
 * launched before the actors start. At the same time actor 1 fails copy 1 and actor 2 completes
 * copy 2 with {@code "b"}. The success must win, whatever the order: the failure is never the
 * call's result and the call never ends ALL_FAILED (copy 2 was in flight when copy 1 failed). Copy
 * 1 is reported failed if its failure came first, cancelled if the win came first; copy 2 always
 * succeeded; each copy gets exactly one terminal callback.
 *
 * <p>Runs on two CPUs. {@link HedgeBlockingSuccessVsFailureTest} runs the same race on real
 * executor threads through the blocking face.
 *
 * <p>Result: {@code r1} the call's result ({@link FutureOutcome}); {@code r2} the copies' terminal
 * callbacks ({@link CopyLog}); {@code r3} how the call ended.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t HedgeSuccessVsFailureTest}
 */
@JCStressTest
@Description("A hedged copy's success racing the other copy's failure: the success wins.")
@Outcome(
    id = "value-b, F1 S2, HEDGE_WON",
    expect = ACCEPTABLE,
    desc = "Copy 1 failed first, then copy 2 won.")
@Outcome(
    id = "value-b, C1 S2, HEDGE_WON",
    expect = ACCEPTABLE,
    desc = "Copy 2 won first; copy 1's late failure is reported as a cancellation.")
@Outcome(
    expect = FORBIDDEN,
    desc = "The failure reported as the result, ALL_FAILED, no result, or a copy reported twice.")
@State
public class HedgeSuccessVsFailureTest {

  static {
    QuietLogs.install();
  }

  /** Immutable, shared by all states: both copies launched at once on the launching thread. */
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

  public HedgeSuccessVsFailureTest() {
    int[] next = {0}; // the supplier runs on this thread only (primary inline, hedge direct)
    result = Hedging.callAsync(POLICY, () -> next[0]++ == 0 ? stage1 : stage2, log);
  }

  @Actor
  public void actor1() {
    stage1.completeExceptionally(new IllegalStateException("copy 1 failed"));
  }

  @Actor
  public void actor2() {
    stage2.complete("b");
  }

  @Arbiter
  public void arbiter(LLL_Result r) {
    r.r1 = FutureOutcome.of(result);
    r.r2 = log.copies();
    r.r3 = log.ending();
  }
}

package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.Hedging;
import io.backon.hedge.HedgeCopyObserver;
import io.backon.hedge.HedgingPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * A hedged async call ({@code maxHedges(2)}, zero hedge delay, direct executor) has both copies
 * launched before the actors start; each copy's stage is a plain future that one actor completes:
 * actor 1 completes copy 1 with {@code "a"}, actor 2 copy 2 with {@code "b"}, at the same time.
 * Exactly one copy must win: the call's result is that copy's value, the observer gets exactly one
 * {@code copySucceeded}, for the same copy, and the loser gets exactly one {@code copyCancelled};
 * all of it is settled once the actors are done (with a direct executor the winner's thread
 * completes the result).
 *
 * <p>Result: {@code r1} the winner by the call's result (1 for "a", 2 for "b", 0 not complete, -1
 * failed or unexpected value); {@code r2} the number of {@code copySucceeded} callbacks; {@code r3}
 * the copy number {@code copySucceeded} named (0 if none); {@code r4} the number of {@code
 * copyCancelled} callbacks, plus 100 for any {@code copyFailed}.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t HedgeSingleWinnerTest}
 */
@JCStressTest
@Description("Two hedged copies succeeding at once yield one result and one copySucceeded.")
@Outcome(id = "1, 1, 1, 1", expect = ACCEPTABLE, desc = "Copy 1 (\"a\") won; copy 2 cancelled.")
@Outcome(id = "2, 1, 2, 1", expect = ACCEPTABLE, desc = "Copy 2 (\"b\") won; copy 1 cancelled.")
@Outcome(
    expect = FORBIDDEN,
    desc =
        "No winner, two winners, a result that disagrees with "
            + "copySucceeded, or a wrong cancellation count.")
@State
public class HedgeSingleWinnerTest {

  /** Immutable, shared by all states: both copies launched at once on the launching thread. */
  private static final HedgingPolicy POLICY =
      HedgingPolicy.builder()
          .maxHedges(2)
          .hedgeDelay(Duration.ZERO)
          .executor(Runnable::run)
          .build();

  /** The stage handed to copy 1 (index 0) and copy 2 (index 1). */
  @SuppressWarnings("unchecked")
  private final CompletableFuture<String>[] stages =
      new CompletableFuture[] {new CompletableFuture<String>(), new CompletableFuture<String>()};

  private final AtomicInteger succeeded = new AtomicInteger();
  private final AtomicInteger succeededNumber = new AtomicInteger();
  private final AtomicInteger cancelled = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  private final CompletableFuture<String> result;

  public HedgeSingleWinnerTest() {
    int[] next = {0}; // the supplier runs on this thread only (primary inline, hedge direct)
    HedgeCopyObserver observer =
        new HedgeCopyObserver() {
          @Override
          public void copySucceeded(int copyNumber, long durationNanos, @Nullable Object value) {
            succeeded.incrementAndGet();
            succeededNumber.set(copyNumber);
          }

          @Override
          public void copyFailed(int copyNumber, long durationNanos, Throwable failure) {
            failed.incrementAndGet();
          }

          @Override
          public void copyCancelled(int copyNumber) {
            cancelled.incrementAndGet();
          }
        };
    result = Hedging.callAsync(POLICY, () -> stages[next[0]++], observer);
  }

  @Actor
  public void actor1() {
    stages[0].complete("a");
  }

  @Actor
  public void actor2() {
    stages[1].complete("b");
  }

  @Arbiter
  public void arbiter(IIII_Result r) {
    int winner;
    if (!result.isDone()) {
      winner = 0;
    } else if (result.isCompletedExceptionally()) {
      winner = -1;
    } else {
      String value = result.join();
      winner = "a".equals(value) ? 1 : "b".equals(value) ? 2 : -1;
    }
    r.r1 = winner;
    r.r2 = succeeded.get();
    r.r3 = succeededNumber.get();
    r.r4 = cancelled.get() + 100 * failed.get();
  }
}

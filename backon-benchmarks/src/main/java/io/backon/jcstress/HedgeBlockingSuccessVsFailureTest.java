package io.backon.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.backon.Hedging;
import io.backon.hedge.HedgingPolicy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * The blocking face of hedging on real threads: each actor makes one hedged call ({@code
 * maxHedges(2)}, zero hedge delay) whose two copies run at once on a shared pool of four threads;
 * within a call, whichever copy runs first fails at once and the other returns {@code "b"} at once,
 * so the failure and the success race on two pool threads while the actor waits. The success must
 * win: the call returns {@code "b"}, never throws the failure, and reports one copy succeeded and
 * the other failed (if its failure came first) or cancelled (if the win came first). Two actors
 * make two such calls at once on the same policy and pool, so the calls also contend for the pool.
 *
 * <p>Runs on two CPUs (the pool threads are extra threads, which jcstress does not count).
 *
 * <p>Result: for each actor's call, its result ({@code "value-b"} or the failure's class name), the
 * kinds of its copies' terminal callbacks ({@link CopyLog#kinds()}, e.g. {@code "FS"}) and how it
 * ended, e.g. {@code "value-b FS HEDGE_WON"}.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/jcstress.jar -t
 * HedgeBlockingSuccessVsFailureTest}
 */
@JCStressTest
@Description("Blocking hedged calls on a real pool: a copy's success beats the other's failure.")
@Outcome(
    id = "value-b [CF]S (PRIMARY|HEDGE)_WON, value-b [CF]S (PRIMARY|HEDGE)_WON",
    expect = ACCEPTABLE,
    desc = "Both calls returned the success; the failing copy was failed or cancelled.")
@Outcome(
    expect = FORBIDDEN,
    desc = "A call threw the copy's failure, ended ALL_FAILED, or reported a copy twice.")
@State
public class HedgeBlockingSuccessVsFailureTest {

  static {
    QuietLogs.install();
  }

  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          4,
          task -> {
            Thread thread = new Thread(task, "jcstress-hedge-copy");
            thread.setDaemon(true);
            return thread;
          });

  private static final HedgingPolicy POLICY =
      HedgingPolicy.builder().maxHedges(2).hedgeDelay(Duration.ZERO).executor(POOL).build();

  private final Call call1 = new Call();
  private final Call call2 = new Call();

  @Actor
  public void actor1() {
    call1.run();
  }

  @Actor
  public void actor2() {
    call2.run();
  }

  @Arbiter
  public void arbiter(LL_Result r) {
    r.r1 = call1.outcome();
    r.r2 = call2.outcome();
  }

  /** One hedged call whose first copy to run fails and whose second succeeds. */
  private static final class Call {
    final CopyLog log = new CopyLog();
    final AtomicInteger runs = new AtomicInteger();
    String result = "not run";

    /**
     * The result, the kinds of the copies' terminal callbacks and the ending, e.g. "value-b FS
     * HEDGE_WON".
     */
    String outcome() {
      return result + " " + log.kinds() + " " + log.ending();
    }

    void run() {
      try {
        result =
            "value-"
                + Hedging.call(
                    POLICY,
                    () -> {
                      if (runs.incrementAndGet() == 1) {
                        throw new IllegalStateException("the first copy to run fails");
                      }
                      return "b";
                    },
                    log);
      } catch (Exception e) {
        result = e.getClass().getSimpleName();
      }
    }
  }
}

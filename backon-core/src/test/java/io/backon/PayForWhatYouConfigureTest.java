package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.backon.hedge.HedgingPolicy;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A feature costs something only in calls of policies that use it and only where it acts (DESIGN
 * §2): listeners of retries and give-ups, waits, jitters and conditions cost nothing on a success.
 * Counts bytes, not time, so it is deterministic; speed is measured by JMH.
 */
class PayForWhatYouConfigureTest {

  private static final int CALLS = 20_000;
  private static final CompletableFuture<String> DONE = CompletableFuture.completedFuture("ok");

  private final AtomicInteger fired = new AtomicInteger();

  /** Expo 100 ms..5 s, full jitter, retry on IOException, and listeners off the success path. */
  private RetryPolicyBuilder realistic() {
    return RetryPolicy.builder()
        .wait(Wait.expo(Duration.ofMillis(100), Duration.ofSeconds(5)))
        .jitter(Jitter.full())
        .retryOn(IOException.class)
        .onBackoff(event -> fired.incrementAndGet())
        .beforeSleep(event -> fired.incrementAndGet())
        .onGiveUp(event -> fired.incrementAndGet());
  }

  @Test
  void aBlockingSuccessAllocatesNothingForListenersThatDoNotFire() {
    Retrying retrying = Retrying.of(realistic().build());

    long bytes = allocatedBy(() -> retrying.get(() -> "ok"));

    assertThat(bytes).as("bytes allocated by %d successful calls", CALLS).isLessThan(2_000);
    assertThat(fired).as("no listener fires on a success").hasValue(0);
  }

  @Test
  void aCallableAndARunnableSucceedWithoutAllocatingEither() {
    Retrying retrying = Retrying.of(realistic().build());

    long bytes =
        allocatedBy(
            () -> {
              try {
                retrying.call(() -> "ok");
                retrying.run(() -> {});
              } catch (Exception unexpected) {
                throw new AssertionError(unexpected);
              }
            });

    assertThat(bytes)
        .as("bytes allocated by %d pairs of successful calls", CALLS)
        .isLessThan(2_000);
  }

  @Test
  void anAsyncSuccessOfACompletedStageAllocatesNothingButTheFutureItReturns() {
    Retrying retrying = Retrying.of(realistic().build());

    long bytes = allocatedBy(() -> retrying.callAsync(() -> DONE));

    assertThat(bytes / CALLS)
        .as("bytes per successful async call (one completed future)")
        .isLessThanOrEqualTo(24);
  }

  @Test
  void aSuccessPathListenerStillSeesEveryAttempt() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    Retrying retrying =
        Retrying.of(
            realistic()
                .onAttempt(event -> attempts.incrementAndGet())
                .onSuccess(event -> attempts.incrementAndGet())
                .build());

    retrying.call(() -> "ok");

    assertThat(attempts).as("onAttempt and onSuccess both fired").hasValue(2);
  }

  @Test
  void aListenerOfRetriesStillFiresOnceTheFirstAttemptFails() throws Exception {
    Retrying retrying = Retrying.of(realistic().wait(Wait.none()).build());
    AtomicInteger calls = new AtomicInteger();

    String value =
        retrying.call(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new IOException("down");
              }
              return "ok";
            });

    assertThat(value).isEqualTo("ok");
    assertThat(fired).as("beforeSleep and onBackoff, once each").hasValue(2);
  }

  @Test
  void anAsyncHedgedCallWhosePrimaryCompletesAtOnceBuildsNoRace() {
    AtomicInteger outcomes = new AtomicInteger();
    HedgingPolicy hedging =
        HedgingPolicy.builder()
            .maxHedges(2)
            .hedgeDelay(Duration.ofMillis(10))
            .onHedge(
                new io.backon.hedge.HedgeListener() {
                  @Override
                  public void onHedge(int copyNumber) {}

                  @Override
                  public void onOutcome(io.backon.hedge.HedgeOutcome outcome) {
                    outcomes.incrementAndGet();
                  }
                })
            .build();
    Retrying retrying = Retrying.of(realistic().hedging(hedging).build());

    long bytes = allocatedBy(() -> retrying.callAsync(() -> DONE).join());

    assertThat(bytes / CALLS)
        .as("bytes per hedged call whose primary won at once")
        .isLessThanOrEqualTo(200);
    assertThat(outcomes).as("the primary's win is still reported").hasValue(2 * CALLS);
  }

  private static long allocatedBy(Runnable call) {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    long id = Thread.currentThread().getId();
    for (int i = 0; i < CALLS; i++) {
      call.run();
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < CALLS; i++) {
      call.run();
    }
    return threads.getThreadAllocatedBytes(id) - before;
  }
}

package io.backon.hedge;

import static io.backon.testfixtures.Async.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Hedging;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A copy failing with a {@link VirtualMachineError} ends the hedged call with that very error: no
 * further copy is launched (a failed copy otherwise starts the next one at once), the others are
 * cancelled.
 */
class HedgingFatalErrorTest {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final AtomicInteger launched = new AtomicInteger();
  private final HedgingPolicy threeCopies =
      HedgingPolicy.builder()
          .maxHedges(3)
          .hedgeDelay(Duration.ofSeconds(1))
          .clock(clock)
          .scheduler(scheduler)
          .executor(Runnable::run)
          .build();

  @Test
  void anOutOfMemoryErrorInTheAsyncPrimaryLaunchesNoHedge() {
    OutOfMemoryError fatal = new OutOfMemoryError("heap");

    CompletableFuture<String> call =
        Hedging.callAsync(
            threeCopies,
            () -> {
              launched.incrementAndGet();
              return CompletableFuture.failedFuture(fatal);
            });

    assertThat(failureOf(call)).isSameAs(fatal);
    assertThat(fatal.getSuppressed()).isEmpty();
    assertThat(launched).hasValue(1);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void aStackOverflowErrorInAHedgeCancelsThePrimaryAndLaunchesNothingMore() {
    StackOverflowError fatal = new StackOverflowError("deep");
    CompletableFuture<String> primary = new CompletableFuture<>();

    CompletableFuture<String> call =
        Hedging.callAsync(
            threeCopies,
            () ->
                launched.incrementAndGet() == 1 ? primary : CompletableFuture.failedFuture(fatal));
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(failureOf(call)).isSameAs(fatal);
    assertThat(primary).isCancelled();
    assertThat(launched).hasValue(2);
  }

  @Test
  void theBlockingFaceRethrowsTheErrorAfterOneCopy() {
    OutOfMemoryError fatal = new OutOfMemoryError("heap");

    assertThatThrownBy(
            () ->
                Hedging.call(
                    threeCopies,
                    () -> {
                      launched.incrementAndGet();
                      throw fatal;
                    }))
        .isSameAs(fatal);
    assertThat(launched).hasValue(1);
  }
}

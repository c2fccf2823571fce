package io.backon.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Hedging;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How a hedged call ended reaches both the policy's {@link HedgeListener#onOutcome} and the call's
 * {@link HedgeCopyObserver#hedgedCallEnded}, once, before the caller sees the result.
 */
class HedgeOutcomeTest {

  private final List<String> reported = new CopyOnWriteArrayList<>();
  private final AtomicInteger copies = new AtomicInteger();
  private final HedgeCopyObserver observer =
      new HedgeCopyObserver() {
        @Override
        public void hedgedCallEnded(HedgeOutcome outcome) {
          reported.add("observer " + outcome.tagValue());
        }
      };
  private final HedgeListener listener =
      new HedgeListener() {
        @Override
        public void onHedge(int hedgeNumber) {}

        @Override
        public void onOutcome(HedgeOutcome outcome) {
          reported.add("listener " + outcome.tagValue());
        }
      };

  private HedgingPolicy policy() {
    return HedgingPolicy.builder().maxHedges(2).executor(Runnable::run).onHedge(listener).build();
  }

  @Test
  void aPrimaryThatSucceedsIsReportedAsPrimaryWon() throws Exception {
    assertThat(Hedging.call(policy(), () -> "ok", observer)).isEqualTo("ok");

    assertThat(reported).containsExactly("observer primary_won", "listener primary_won");
  }

  @Test
  void aHedgeThatSucceedsAfterTheFailedPrimaryIsReportedAsHedgeWon() throws Exception {
    String value =
        Hedging.call(
            policy(),
            () -> {
              if (copies.incrementAndGet() == 1) {
                throw new IOException("down");
              }
              return "ok";
            },
            observer);

    assertThat(value).isEqualTo("ok");
    assertThat(reported).containsExactly("observer hedge_won", "listener hedge_won");
  }

  @Test
  void copiesThatAllFailAreReportedAsAllFailed() {
    assertThatThrownBy(
            () ->
                Hedging.call(
                    policy(),
                    () -> {
                      throw new IOException("down");
                    },
                    observer))
        .isInstanceOf(IOException.class);

    assertThat(reported).containsExactly("observer all_failed", "listener all_failed");
  }

  @Test
  void aCancelledCallIsReportedAsCancelled() {
    FakeClock clock = new FakeClock();
    HedgingPolicy async =
        policy().toBuilder()
            .clock(clock)
            .scheduler(new ManualScheduler(clock))
            .hedgeDelay(Duration.ofSeconds(1))
            .build();
    CompletableFuture<String> result = Hedging.callAsync(async, CompletableFuture::new, observer);

    result.cancel(true);

    assertThat(reported).containsExactly("observer cancelled", "listener cancelled");
  }

  @Test
  void aListenerWithoutOutcomeMethodStillWorks() throws Exception {
    List<Integer> hedges = new CopyOnWriteArrayList<>();
    HedgingPolicy lambda =
        HedgingPolicy.builder().maxHedges(2).executor(Runnable::run).onHedge(hedges::add).build();

    Hedging.call(
        lambda,
        () -> {
          if (copies.incrementAndGet() == 1) {
            throw new IOException("down");
          }
          return "ok";
        });

    assertThat(hedges).containsExactly(2);
  }
}

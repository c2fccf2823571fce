package io.backon.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Hedging;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** How async copies' failures end a hedged call, and that broken hooks never break it. */
class AsyncHedgingFailureTest extends AsyncHedgingFixture {

  @Test
  void whenAllCopiesFailTheLastFailureIsThrownWithTheOthersSuppressed() {
    IOException second = new IOException("two");
    IOException first = new IOException("one");
    IllegalStateException third = new IllegalStateException("three");
    CompletableFuture<String> result = call(policy().maxHedges(3).hedgeDelay(Duration.ZERO));
    copies.get(1).completeExceptionally(second);
    copies.get(0).completeExceptionally(first);
    assertThat(result).isNotDone();
    copies.get(2).completeExceptionally(third);

    Throwable failure = failureOf(result);
    assertThat(failure).isSameAs(third);
    assertThat(failure.getSuppressed()).containsExactly(second, first);
    assertThat(observer.count("failed")).isEqualTo(3);
    observer.assertOneTerminalPerStartedCopy();
  }

  @Test
  void copiesFailingOneAfterAnotherLaunchEachOtherWithoutWaiting() {
    List<RuntimeException> failures =
        List.of(new RuntimeException("1"), new RuntimeException("2"), new RuntimeException("3"));
    CompletableFuture<String> result =
        Hedging.callAsync(
            policy().maxHedges(3).hedgeDelay(Duration.ofHours(1)).build(),
            () -> CompletableFuture.failedFuture(failures.get(hedges.size())),
            observer);

    Throwable failure = failureOf(result);
    assertThat(failure).isSameAs(failures.get(2));
    assertThat(failure.getSuppressed()).containsExactly(failures.get(0), failures.get(1));
    assertThat(hedges).containsExactly(2, 3);
    assertThat(scheduler.pendingTasks()).isZero();
    assertThat(clock.elapsed()).isZero();
  }

  @Test
  void oneCopyInTotalMeansNoHedging() {
    IOException boom = new IOException("boom");
    CompletableFuture<String> result = call(policy().maxHedges(1));
    assertThat(scheduler.pendingTasks()).isZero();
    advance(10_000);
    copies.get(0).completeExceptionally(boom);

    assertThat(copies).hasSize(1);
    assertThat(failureOf(result)).isSameAs(boom).hasNoSuppressedExceptions();
  }

  @Test
  void aRefusedHedgeAfterEveryRunningCopyFailedEndsTheCall() {
    observer.admitting(number -> number < 3);
    IOException one = new IOException("one");
    IOException two = new IOException("two");
    CompletableFuture<String> result = call(policy().maxHedges(3));
    advance(100);
    copies.get(0).completeExceptionally(one);
    assertThat(result).isNotDone();
    copies.get(1).completeExceptionally(two);

    assertThat(observer.asked()).containsExactly(2, 3);
    assertThat(failureOf(result)).isSameAs(two);
    assertThat(two.getSuppressed()).containsExactly(one);
  }

  @Test
  void aThrowingSupplierAndANullStageCountAsFailedCopies() {
    IllegalStateException thrown = new IllegalStateException("thrown");
    CompletableFuture<String> result =
        Hedging.callAsync(
            policy().build(),
            () -> {
              if (hedges.isEmpty()) {
                throw thrown;
              }
              return null;
            },
            observer);

    Throwable failure = failureOf(result);
    assertThat(failure)
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("returned null");
    assertThat(failure.getSuppressed()).containsExactly(thrown);
  }

  @Test
  void failuresAreUnwrappedFromCompletionException() {
    IOException cause = new IOException("cause");
    CompletableFuture<String> result =
        Hedging.callAsync(
            policy().maxHedges(1).build(),
            () -> CompletableFuture.failedFuture(new CompletionException(cause)),
            observer);

    assertThat(failureOf(result)).isSameAs(cause);
    assertThat(observer.events()).containsExactly("started 1", "failed 1 cause in 0");
  }

  @Test
  void throwingHooksAreLoggedAndNeverBreakTheCall() {
    HedgeCopyObserver broken =
        new HedgeCopyObserver() {
          @Override
          public void copyStarted(int copyNumber) {
            throw new IllegalStateException("observer bug");
          }
        };
    CompletableFuture<String> result =
        Hedging.callAsync(
            policy()
                .onHedge(
                    number -> {
                      throw new IllegalStateException("listener bug");
                    })
                .build(),
            this::newCopy,
            broken);
    advance(100);
    copies.get(1).complete("b");

    assertThat(result).isCompletedWithValue("b");
  }

  @Test
  void aRejectedHedgeCountsAsAFailedCopy() {
    CompletableFuture<String> result =
        Hedging.callAsync(
            policy()
                .executor(
                    task -> {
                      throw new RejectedExecutionException("full");
                    })
                .build(),
            this::newCopy,
            observer);
    advance(100);
    IOException primary = new IOException("primary");
    copies.get(0).completeExceptionally(primary);

    assertThat(copies).hasSize(1);
    Throwable failure = failureOf(result);
    assertThat(failure).isSameAs(primary);
    assertThat(failure.getSuppressed())
        .singleElement()
        .satisfies(rejected -> assertThat(rejected).hasMessage("full"));
  }

  @Test
  void aThrowingHedgeDelayFallsBackToTheDefaultDelay() {
    HedgeDelay broken =
        () -> {
          throw new IllegalStateException("delay bug");
        };
    call(policy().hedgeDelay(broken));
    advance(HedgingPolicy.DEFAULT_HEDGE_DELAY.toMillis() - 1);
    assertThat(copies).hasSize(1);
    advance(1);

    assertThat(copies).hasSize(2);
  }
}

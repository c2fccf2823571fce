package io.backon.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Hedging;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The README's "Hedged requests" snippet, compiled as written and run on fake time. */
class ReadmeHedgingExamplesTest {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final RecordingLog log = new RecordingLog();
  private final List<CompletableFuture<String>> copies = new ArrayList<>();

  /** The snippet's policy, with the hedging policy's clock, timers and executor made fake. */
  private RetryPolicy readmePolicy() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .hedging(
                HedgingPolicy.builder()
                    .maxHedges(3) // copies in flight, the first included
                    .hedgeDelay(HedgeDelay.percentile(95)) // or a fixed Duration; 0 = all at once
                    .onHedge(n -> log.info("hedge {}", n))
                    .build())
            .build();
    HedgingPolicy hedging =
        Objects.requireNonNull(policy.hedging()).toBuilder()
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .build();
    return policy.toBuilder()
        .hedging(hedging)
        .clock(clock)
        .scheduler(scheduler)
        .executor(Runnable::run)
        .maxTries(1)
        .giveUpLogLevel(Level.OFF)
        .build();
  }

  private CompletableFuture<String> newCopy() {
    CompletableFuture<String> copy = new CompletableFuture<>();
    copies.add(copy);
    return copy;
  }

  @Test
  void threeCopiesAtMostStartAHundredMillisecondsApartUntilThePercentileHasSamples() {
    CompletableFuture<String> result = Retrying.of(readmePolicy()).callAsync(this::newCopy);

    assertThat(copies).hasSize(1);
    scheduler.advance(Duration.ofMillis(100));
    assertThat(copies).hasSize(2);
    scheduler.advance(Duration.ofMillis(100));
    assertThat(copies).hasSize(3);
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(copies).hasSize(3);
    assertThat(log.lines).containsExactly("hedge 2", "hedge 3");
    assertThat(result).isNotDone();
  }

  @Test
  void theFirstSuccessWinsAndTheOtherCopiesAreCancelled() throws Exception {
    CompletableFuture<String> result = Retrying.of(readmePolicy()).callAsync(this::newCopy);
    scheduler.advance(Duration.ofMillis(100));
    scheduler.advance(Duration.ofMillis(100));

    copies.get(1).complete("second");

    assertThat(result.get()).isEqualTo("second");
    assertThat(copies.get(0)).isCancelled();
    assertThat(copies.get(2)).isCancelled();
  }

  @Test
  void aFailedCopyStartsTheNextOneImmediately() {
    Retrying.of(readmePolicy()).callAsync(this::newCopy);

    copies.get(0).completeExceptionally(new IOException("first"));

    assertThat(copies).hasSize(2);
    assertThat(clock.elapsed()).isZero();
  }

  @Test
  void whenAllCopiesFailTheLastFailureIsThrownWithTheOthersSuppressed() {
    CompletableFuture<String> result = Retrying.of(readmePolicy()).callAsync(this::newCopy);
    IOException first = new IOException("first");
    IOException second = new IOException("second");
    IOException third = new IOException("third");

    copies.get(0).completeExceptionally(first);
    copies.get(1).completeExceptionally(second);
    copies.get(2).completeExceptionally(third);

    assertThat(failureOf(result)).isSameAs(third);
    assertThat(third.getSuppressed()).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void hedgingAloneHedgesWithoutRetrying() throws Exception {
    HedgingPolicy hedgingPolicy = Objects.requireNonNull(readmePolicy().hedging());

    CompletableFuture<String> result = Hedging.callAsync(hedgingPolicy, this::newCopy);
    scheduler.advance(Duration.ofMillis(100));
    copies.get(1).complete("hedge");

    assertThat(result.get()).isEqualTo("hedge");
    assertThat(Hedging.call(hedgingPolicy, () -> "blocking")).isEqualTo("blocking");
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    try {
      future.get();
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the future succeeded");
  }

  /** The snippet's {@code log}: formats SLF4J-style lines into a list. */
  static final class RecordingLog {
    final List<String> lines = new ArrayList<>();

    void info(String pattern, @Nullable Object... arguments) {
      String line = pattern;
      for (Object argument : arguments) {
        line = line.replaceFirst("\\{}", String.valueOf(argument));
      }
      lines.add(line);
    }
  }
}

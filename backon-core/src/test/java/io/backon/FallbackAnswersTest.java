package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Wait;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fallback answers only the give-ups it says it answers ({@link Fallback#answers}): any other
 * ends the call as without a fallback, its failure thrown to the caller and its give-up line a
 * WARNING, not the DEBUG line of a call a fallback saved.
 */
class FallbackAnswersTest {

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final AtomicInteger applied = new AtomicInteger();
  private final CapturedLog log = CapturedLog.attach();

  @AfterEach
  void detachLog() {
    log.close();
  }

  @Test
  void aFailureTheFallbackDoesNotAnswerReachesTheCallerAsAWarnedGiveUp() {
    IOException down = new IOException("down");

    Throwable thrown =
        catchThrowable(
            () -> Retrying.of(policy()).call(Invocation.of("Prices.get"), () -> fail(down)));

    assertThat(thrown).isSameAs(down).hasNoSuppressedExceptions();
    assertThat(applied).hasValue(0);
    assertThat(log.linesOf("io.backon.retry"))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.level()).isEqualTo("WARNING");
              assertThat(line.message())
                  .startsWith("Giving up on Prices.get after 3 attempts (max tries reached)");
            });
  }

  @Test
  void aFailureTheFallbackAnswersIsSavedAndLoggedAtDebug() throws Exception {
    String value =
        Retrying.of(policy())
            .call(Invocation.of("Prices.get"), () -> fail(new IllegalStateException("stale")));

    assertThat(value).isEqualTo("list price");
    assertThat(applied).hasValue(1);
    assertThat(log.linesOf("io.backon.retry"))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.level()).isEqualTo("FINE");
              assertThat(line.message()).startsWith("Falling back on Prices.get after 3 attempts");
            });
  }

  @Test
  void anAsyncCallsFailureTheFallbackDoesNotAnswerFailsItsFuture() {
    IOException down = new IOException("down");

    Throwable thrown =
        catchThrowable(
            () ->
                Retrying.of(policy().toBuilder().wait(Wait.none()).build())
                    .callAsync(() -> CompletableFuture.failedFuture(down))
                    .join());

    assertThat(thrown).isInstanceOf(CompletionException.class).hasCause(down);
    assertThat(applied).hasValue(0);
  }

  private RetryPolicy policy() {
    return RetryPolicy.builder()
        .name("prices")
        .wait(Wait.none())
        .clock(clock)
        .sleeper(sleeper)
        .backoffLogLevel(System.Logger.Level.OFF)
        .fallback(
            new Fallback() {
              @Override
              public Object apply(RetryEvent giveUp) {
                applied.incrementAndGet();
                return "list price";
              }

              @Override
              public boolean answers(@Nullable Throwable failure) {
                return failure instanceof IllegalStateException;
              }
            })
        .build();
  }

  private static String fail(Exception failure) throws Exception {
    throw failure;
  }
}

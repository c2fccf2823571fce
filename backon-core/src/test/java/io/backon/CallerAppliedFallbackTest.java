package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.micrometer.BackonMeterNames;
import io.backon.micrometer.BackonMicrometer;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fallback the caller applies itself ({@link Fallback#appliedByCaller}): the call fails as
 * without a fallback, and its give-up line says whether the caller's fallback takes the failure (a
 * DEBUG "Falling back" line) or not (a WARNING, as any failure reaching the caller).
 */
class CallerAppliedFallbackTest {

  private final FakeClock clock = new FakeClock();
  private final CapturedLog log = CapturedLog.attach();

  /** What the caller's fallback was asked about. */
  private final List<Throwable> asked = new CopyOnWriteArrayList<>();

  @AfterEach
  void detachLog() {
    log.close();
  }

  private RetryPolicyBuilder policyTaking(Class<? extends Throwable> taken) {
    return RetryPolicy.builder()
        .name("prices")
        .wait(Wait.none())
        .jitter(Jitter.none())
        .clock(clock)
        .sleeper(new ManualSleeper(clock))
        .backoffLogLevel(System.Logger.Level.OFF)
        .fallback(
            Fallback.appliedByCaller(
                failure -> {
                  asked.add(failure);
                  return taken.isInstance(failure);
                }));
  }

  private CapturedLog.Line theGiveUpLine() {
    return log.linesOf("io.backon.retry").stream().reduce((first, second) -> second).orElseThrow();
  }

  @Test
  void aFailureTheCallersFallbackTakesReachesTheCallerWithADebugLine() {
    IOException down = new IOException("down");

    Throwable thrown =
        catchThrowable(
            () ->
                Retrying.of(policyTaking(IOException.class).build())
                    .call(Invocation.of("Prices.get"), () -> fail(down)));

    assertThat(thrown).isSameAs(down);
    assertThat(asked).containsExactly(down);
    assertThat(log.linesOf("io.backon.retry")).hasSize(1);
    assertThat(theGiveUpLine().level()).isEqualTo("FINE");
    assertThat(theGiveUpLine().message())
        .startsWith("Falling back on Prices.get after 3 attempts (max tries reached)");
  }

  @Test
  void aFailureTheCallersFallbackDoesNotTakeIsAWarnedGiveUp() {
    IOException down = new IOException("down");

    Throwable thrown =
        catchThrowable(
            () ->
                Retrying.of(policyTaking(IllegalStateException.class).build())
                    .call(Invocation.of("Prices.get"), () -> fail(down)));

    assertThat(thrown).isSameAs(down);
    assertThat(theGiveUpLine().level()).isEqualTo("WARNING");
    assertThat(theGiveUpLine().message())
        .startsWith(
            "Giving up on Prices.get after 3 attempts (max tries reached): "
                + "java.io.IOException: down");
  }

  @Test
  void anAsyncCallFailsItsFutureAndLogsAsTheBlockingFaceDoes() {
    IOException down = new IOException("down");

    Throwable taken =
        catchThrowable(
            () ->
                Retrying.of(policyTaking(IOException.class).build())
                    .callAsync(() -> CompletableFuture.<String>failedFuture(down))
                    .join());
    String takenLevel = theGiveUpLine().level();
    Throwable notTaken =
        catchThrowable(
            () ->
                Retrying.of(policyTaking(IllegalStateException.class).build())
                    .callAsync(() -> CompletableFuture.<String>failedFuture(down))
                    .join());

    assertThat(taken).isInstanceOf(CompletionException.class).hasCause(down);
    assertThat(notTaken).isInstanceOf(CompletionException.class).hasCause(down);
    assertThat(takenLevel).isEqualTo("FINE");
    assertThat(theGiveUpLine().level()).isEqualTo("WARNING");
  }

  @Test
  void theCallersFallbackIsAskedAboutTheDeadlineExceptionTheCallerSees() {
    RetryPolicy policy =
        policyTaking(DeadlineExceededException.class)
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .deadline(Duration.ofMillis(1500))
            .build();

    Throwable thrown =
        catchThrowable(
            () ->
                Retrying.of(policy)
                    .call(Invocation.of("Prices.get"), () -> fail(new IOException("down"))));

    assertThat(thrown).isInstanceOf(DeadlineExceededException.class);
    assertThat(asked).singleElement().isSameAs(thrown);
    assertThat(theGiveUpLine().level()).isEqualTo("FINE");
  }

  @Test
  void theCallersFallbackIsAskedAboutTheRetriesExhaustedExceptionOfARejectedValue() {
    RetryPolicy policy =
        policyTaking(RetriesExhaustedException.class).retryIfResult(value -> true).build();

    Throwable thrown =
        catchThrowable(() -> Retrying.of(policy).call(Invocation.of("Prices.get"), () -> "stale"));

    assertThat(thrown).isInstanceOf(RetriesExhaustedException.class);
    assertThat(asked).singleElement().isSameAs(thrown);
    assertThat(theGiveUpLine().level()).isEqualTo("FINE");
  }

  @Test
  void anInstrumentedCallAsksTheCallersFallbackOnceForItsLineAndItsMeters() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    IOException down = new IOException("down");

    catchThrowable(
        () ->
            Retrying.of(
                    policyTaking(IOException.class)
                        .instrumentation(BackonMicrometer.of(meters))
                        .build())
                .call(Invocation.of("Prices.get"), () -> fail(down)));

    assertThat(asked).containsExactly(down);
    assertThat(theGiveUpLine().level()).isEqualTo("FINE");
    assertThat(meters.get(BackonMeterNames.CALLS).tag("outcome", "fallback").timer().count())
        .isEqualTo(1);
  }

  @Test
  void backonNeverAppliesItItself() {
    Fallback fallback = Fallback.appliedByCaller(failure -> true);

    assertThat(fallback.isAppliedByCaller()).isTrue();
    assertThat(fallback.answers(null)).isFalse();
    assertThatThrownBy(() -> fallback.apply(null))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("the caller applies this fallback");
    assertThat(
            new Fallback() {
              @Override
              public Object apply(RetryEvent giveUp) {
                return "own";
              }
            }.isAppliedByCaller())
        .isFalse();
  }

  private static String fail(Exception failure) throws Exception {
    throw failure;
  }
}

package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.hedge.HedgingPolicy;
import io.backon.micrometer.BackonMeterNames;
import io.backon.micrometer.BackonMicrometer;
import io.backon.reactor.BackonReactor;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every face of a call whose fallback the caller applies logs and counts its give-up the same way:
 * a failure the caller's fallback takes is a DEBUG "Falling back" line and outcome {@code
 * fallback}; any other is a WARNING and a failure.
 */
class CallerAppliedFallbackFacesTest {

  private final FakeClock clock = new FakeClock();
  private final CapturedLog log = CapturedLog.attach();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final IOException down = new IOException("down");

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
        .instrumentation(BackonMicrometer.of(meters))
        .fallback(Fallback.appliedByCaller(taken::isInstance));
  }

  private CapturedLog.Line theGiveUpLine() {
    return log.linesOf("io.backon.retry").stream().reduce((first, second) -> second).orElseThrow();
  }

  private String theCallOutcome() {
    Timer timer = meters.get(BackonMeterNames.CALLS).timer();
    assertThat(timer.count()).isEqualTo(1);
    return timer.getId().getTag("outcome");
  }

  private void assertTaken() {
    assertThat(theGiveUpLine().level()).isEqualTo("FINE");
    assertThat(theGiveUpLine().message()).startsWith("Falling back on ");
    assertThat(theCallOutcome()).isEqualTo("fallback");
  }

  private void assertNotTaken() {
    assertThat(theGiveUpLine().level()).isEqualTo("WARNING");
    assertThat(theGiveUpLine().message()).startsWith("Giving up on ");
    assertThat(theCallOutcome()).isEqualTo("failure_with_retry");
  }

  @Test
  void aBlockingCallTakenByTheCallersFallbackIsCountedAsAFallback() {
    Throwable thrown =
        catchThrowable(
            () -> Retrying.of(policyTaking(IOException.class).build()).call(() -> fail()));

    assertThat(thrown).isSameAs(down);
    assertTaken();
  }

  @Test
  void anAsyncCallNotTakenByTheCallersFallbackIsAWarnedFailure() {
    Throwable thrown =
        catchThrowable(
            () ->
                Retrying.of(policyTaking(IllegalStateException.class).build())
                    .callAsync(() -> CompletableFuture.<String>failedFuture(down))
                    .join());

    assertThat(thrown).hasCause(down);
    assertNotTaken();
  }

  @Test
  void aMonoTakenByTheCallersFallbackIsCountedAsAFallback() {
    Throwable thrown =
        catchThrowable(
            () ->
                Mono.<String>error(down)
                    .transform(BackonReactor.retry(policyTaking(IOException.class).build()))
                    .block(Duration.ofSeconds(5)));

    assertThat(reactor.core.Exceptions.unwrap(thrown)).isSameAs(down);
    assertTaken();
  }

  @Test
  void aFluxNotTakenByTheCallersFallbackIsAWarnedFailure() {
    Throwable thrown =
        catchThrowable(
            () ->
                Flux.<String>error(down)
                    .transform(
                        BackonReactor.retry(policyTaking(IllegalStateException.class).build()))
                    .blockLast(Duration.ofSeconds(5)));

    assertThat(reactor.core.Exceptions.unwrap(thrown)).isSameAs(down);
    assertNotTaken();
  }

  @Test
  void anIteratedCallTakenByTheCallersFallbackIsCountedAsAFallback() {
    Attempts<String> attempts = Retrying.of(policyTaking(IOException.class).build()).attempts();
    for (Attempt<String> attempt : attempts) {
      attempt.fail(down);
    }

    Throwable thrown = catchThrowable(attempts::result);

    assertThat(thrown).isSameAs(down);
    assertTaken();
  }

  @Test
  void aHedgedCallTakenByTheCallersFallbackIsCountedAsAFallback() {
    RetryPolicy policy =
        policyTaking(IOException.class)
            .hedging(HedgingPolicy.builder().maxHedges(2).hedgeDelay(Duration.ZERO).build())
            .build();

    Throwable thrown = catchThrowable(() -> Retrying.of(policy).call(() -> fail()));

    assertThat(thrown).isInstanceOf(IOException.class);
    assertTaken();
  }

  @Test
  void withoutRaisingOnGiveUpTheCallReturnsNullWithADebugLineAndAFailure() throws Exception {
    RetryPolicy policy = policyTaking(IOException.class).raiseOnGiveUp(false).build();

    Object value = Retrying.of(policy).call(() -> fail());

    assertThat(value).isNull();
    assertThat(theGiveUpLine().level()).isEqualTo("FINE");
    assertThat(theGiveUpLine().message()).endsWith("returning null (raiseOnGiveUp false)");
    assertThat(theCallOutcome()).isEqualTo("failure_with_retry");
  }

  @Test
  void anInterruptedCallIsLoggedAndCountedAlike() {
    RetryPolicy policy =
        policyTaking(IOException.class)
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .sleeper(io.backon.time.Sleeper.threadSleep())
            .build();

    Thread.currentThread().interrupt();
    Throwable thrown = catchThrowable(() -> Retrying.of(policy).call(() -> fail()));
    boolean stillInterrupted = Thread.interrupted();

    assertThat(stillInterrupted).isTrue();
    assertThat(thrown).isSameAs(down);
    String level = theGiveUpLine().level();
    String outcome = theCallOutcome();
    assertThat(level.equals("FINE")).isEqualTo(outcome.equals("fallback"));
  }

  private String fail() throws IOException {
    throw down;
  }
}

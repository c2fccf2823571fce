package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import io.backon.reactor.BackonReactor;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A breaker inside the target, such as an HTTP client's per-host breaker, whose rejection passes a
 * Reactor checkpoint on its way to the engine (WebClient has one): Reactor adds its assembly
 * traceback to the rejection as suppressed, and {@code block()} its marker. Neither is a failure of
 * the target: a call rejected outright stays at DEBUG, and a call whose own attempt failed before
 * names that failure.
 */
class RejectionThroughACheckpointLoggingTest extends GiveUpLoggingFixture {

  /** A request the open per-host breaker rejects, as WebClient hands it on: past a checkpoint. */
  private static Mono<String> rejectedRequest() {
    return Mono.<String>error(
            () ->
                new CircuitOpenException(
                    "inventory:443", CircuitState.OPEN, Duration.ofSeconds(30)))
        .checkpoint("Request to GET http://inventory/items [DefaultWebClient]");
  }

  /** The first subscription fails at the target, the next ones are rejected. */
  private static Mono<String> failingThenRejected() {
    AtomicInteger subscriptions = new AtomicInteger();
    return Mono.defer(
        () ->
            subscriptions.incrementAndGet() == 1
                ? Mono.<String>error(new IOException("down"))
                : rejectedRequest());
  }

  private Mono<String> retried(Mono<String> target) {
    RetryPolicy policy = policy("inventory", 3).wait(Wait.none()).build();
    return target.transform(
        BackonReactor.<String>retry(policy).withInvocation(Invocation.of(TARGET)));
  }

  private static CapturedLog.Line giveUpLine(CapturedLog log) {
    return log.linesOf("io.backon.retry").stream().reduce((first, second) -> second).orElseThrow();
  }

  @Test
  void aMonoRejectedOutrightPastACheckpointStaysAtDebug() {
    try (CapturedLog log = CapturedLog.attach()) {
      Throwable thrown = catchThrowable(() -> retried(rejectedRequest()).block());

      assertThat(thrown).isInstanceOf(CircuitOpenException.class);
      assertThat(giveUpLine(log))
          .satisfies(
              line -> {
                assertThat(line.level()).isEqualTo("FINE");
                assertThat(line.message())
                    .startsWith("Giving up on PaymentClient.charge at attempt 1 (circuit open): ")
                    .doesNotContain("(after ", "OnAssembly");
              });
    }
  }

  @Test
  void aBlockingCallRejectedOutrightInsideBlockStaysAtDebug() {
    RetryPolicy policy = policy("inventory", 3).build();

    try (CapturedLog log = CapturedLog.attach()) {
      Throwable thrown =
          catchThrowable(
              () ->
                  Retrying.of(policy).call(Invocation.of(TARGET), () -> rejectedRequest().block()));

      assertThat(thrown).isInstanceOf(CircuitOpenException.class);
      assertThat(giveUpLine(log).level()).isEqualTo("FINE");
      assertThat(giveUpLine(log).message()).doesNotContain("(after ");
    }
  }

  @Test
  void aBlockingCallWhoseOwnAttemptFailedBeforeARejectionInsideBlockHandsItsCallerThatFailure() {
    RetryPolicy policy = policy("inventory", 3).wait(Wait.none()).build();
    AtomicInteger attempts = new AtomicInteger();

    Throwable thrown =
        catchThrowable(
            () ->
                Retrying.of(policy)
                    .call(
                        Invocation.of(TARGET),
                        () ->
                            attempts.incrementAndGet() == 1
                                ? Mono.<String>error(new IllegalStateException("down")).block()
                                : rejectedRequest().block()));

    assertThat(thrown)
        .isInstanceOf(CircuitOpenException.class)
        .satisfies(
            rejection ->
                assertThat(rejection.getSuppressed())
                    .as("what the caller sees of the failure before the rejection")
                    .anySatisfy(kept -> assertThat(kept).hasMessage("down")));
  }

  @Test
  void aMonoWhoseOwnAttemptFailedBeforeTheRejectionNamesThatFailure() {
    try (CapturedLog log = CapturedLog.attach()) {
      Throwable thrown = catchThrowable(() -> retried(failingThenRejected()).block());

      assertThat(thrown)
          .isInstanceOf(CircuitOpenException.class)
          .satisfies(
              rejection ->
                  assertThat(rejection.getSuppressed())
                      .as("what the caller sees of the failure before the rejection")
                      .anySatisfy(kept -> assertThat(kept).hasMessage("down")));
      assertThat(giveUpLine(log))
          .satisfies(
              line -> {
                assertThat(line.level()).isEqualTo("WARNING");
                assertThat(line.message())
                    .startsWith("Giving up on PaymentClient.charge at attempt 2 (circuit open): ")
                    .endsWith(" (after java.io.IOException: down) [policy inventory]");
              });
    }
  }
}

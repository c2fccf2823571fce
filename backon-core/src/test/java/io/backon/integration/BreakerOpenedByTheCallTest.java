package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A call whose own failures open its breaker: its next attempt asks the breaker only after the
 * failure was recorded (also when the attempt's future completes later), and it waits no back-off
 * before an attempt the breaker is sure to reject; a back-off that outlasts the open time is slept.
 */
class BreakerOpenedByTheCallTest extends BreakerFixture {

  @Test
  void aBackOffLongerThanTheBreakersOpenTimeIsSleptAndItsTrialAttemptReachesTheTarget()
      throws Exception {
    CircuitBreaker breaker = breaker(3).build();
    Duration wait = Duration.ofSeconds(2);
    Retrying retrying =
        Retrying.of(
            blockingPolicy().maxTries(5).wait(Wait.constant(wait)).circuitBreaker(breaker).build());

    // the third failure opens the breaker for 1 s; the 2 s back-off outlasts it
    String value = retrying.call(() -> flaky(3));

    assertThat(value).isEqualTo("in stock");
    assertThat(sleeper.sleeps()).containsExactly(wait, wait, wait);
    assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
  }

  @Test
  void aBackOffShortenedByMaxTimeToLessThanTheOpenTimeIsNotSlept() {
    CircuitBreaker breaker = breaker(3).build();
    Duration wait = Duration.ofSeconds(2);
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .maxTries(5)
                .maxTime(Duration.ofMillis(4_500))
                .wait(Wait.constant(wait))
                .circuitBreaker(breaker)
                .build());

    // the third failure, at 4 s, opens the breaker for 1 s; maxTime leaves a 0.5 s back-off
    Throwable thrown = catchThrowable(() -> retrying.call(() -> flaky(Integer.MAX_VALUE)));

    assertThat(thrown).isInstanceOf(CircuitOpenException.class);
    assertThat(invocations).hasValue(3);
    assertThat(sleeper.sleeps())
        .as("the shortened back-off would end while the breaker still rejects")
        .containsExactly(wait, wait, Duration.ZERO);
  }

  @Test
  void aBreakerForcedOpenDuringTheRetriesEndsTheCallWithoutAnotherBackOff() {
    CircuitBreaker breaker = breaker(10).build();
    Retrying retrying = Retrying.of(blockingPolicy().maxTries(5).circuitBreaker(breaker).build());

    Throwable thrown =
        catchThrowable(
            () ->
                retrying.call(
                    () -> {
                      if (invocations.get() == 1) {
                        breaker.forceOpen(); // an operator, during the second attempt
                      }
                      return flaky(Integer.MAX_VALUE);
                    }));

    assertThat(thrown).isInstanceOf(CircuitOpenException.class);
    assertThat(((CircuitOpenException) thrown).state()).isEqualTo(CircuitState.FORCED_OPEN);
    assertThat(invocations).hasValue(2);
    assertThat(sleeper.sleeps()).containsExactly(WAIT, Duration.ZERO);
  }

  @Test
  void anAsyncFailureThatOpensTheBreakerIsRecordedBeforeTheNextAttemptAsksForAPermission() {
    CircuitBreaker breaker = breaker(1).build();
    Retrying retrying =
        Retrying.of(asyncPolicy().maxTries(3).wait(Wait.none()).circuitBreaker(breaker).build());
    List<CompletableFuture<String>> pending = new CopyOnWriteArrayList<>();

    CompletableFuture<String> result =
        retrying.callAsync(
            () -> {
              invocations.incrementAndGet();
              CompletableFuture<String> attempt = new CompletableFuture<>();
              pending.add(attempt);
              return attempt;
            });
    pending.get(0).completeExceptionally(new IOException("down"));

    assertThat(failureOf(result))
        .as("the failure opened the breaker before the retry asked it")
        .isInstanceOf(CircuitOpenException.class);
    assertThat(invocations).hasValue(1);
    assertThat(breaker.snapshot().rejectedCalls()).isEqualTo(1);
  }
}

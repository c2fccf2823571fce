package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.ScenarioResult.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /scenarios/async} (CompletableFuture) and {@code /scenarios/reactive} (Mono) under
 * {@code downstream-async} (4 attempts, attempt timeout 1 s), both on a {@code WebClient} from
 * Spring Boot's builder.
 */
class AsyncScenarioTest extends RunningSampleApp {

  private static final String WEB_CLIENT_EXCEPTION =
      "org.springframework.web.reactive.function.client.WebClientResponseException";

  @Autowired MeterRegistry meters;

  /**
   * One call of each scenario against the healthy downstream first: on a cold JVM under load the
   * first WebClient exchange (Reactor Netty's event loops, class loading, a new connection) can
   * take longer than the 1 s attempt timeout by itself, which would add an attempt these tests do
   * not expect.
   */
  @BeforeEach
  void warmUpBothScenariosAgainstTheHealthyDownstream() {
    assertThat(run("async", "warm-up-async").outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(run("reactive", "warm-up-reactive").outcome()).isEqualTo(Outcome.SUCCESS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"async", "reactive"})
  void retriesAFailedCallWithoutBlocking(String scenario) {
    downstreamBehaves(b -> b.failFirst(2));

    ScenarioResult result = run(scenario, "fails-twice");

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.serverHits()).isEqualTo(3);
    assertThat(result.attemptNumbers()).containsExactly(1, 2, 3);
    assertThat(result.policy()).isEqualTo("downstream-async");
  }

  @ParameterizedTest
  @ValueSource(strings = {"async", "reactive"})
  void givesUpAfterFourAttemptsWithWebClientsExceptionForTheLastAnswer(String scenario) {
    downstreamBehaves(b -> b.outage(true));

    ScenarioResult result = run(scenario, "outage");

    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.serverHits()).as("one request per attempt").isEqualTo(4);
    assertThat(result.attemptNumbers()).containsExactly(1, 2, 3, 4);
    assertThat(result.error())
        .isNotNull()
        .satisfies(
            error ->
                assertThat(error.type()).isEqualTo(WEB_CLIENT_EXCEPTION + "$ServiceUnavailable"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"async", "reactive"})
  void retriesConnectionResets(String scenario) {
    downstreamBehaves(b -> b.resetRate(1.0));

    ScenarioResult result = run(scenario, "resets");

    assertThat(result.serverHits())
        .as("Reactor Netty does not resend a request whose connection reset after it was sent")
        .isEqualTo(4);
    assertThat(result.error())
        .isNotNull()
        .satisfies(
            error ->
                assertThat(error.type())
                    .isEqualTo(
                        "org.springframework.web.reactive.function.client.WebClientRequestException"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"async", "reactive"})
  void waitsAsLongAsRetryAfterAsksBeforeRetryingA429(String scenario) {
    downstreamBehaves(b -> b.failFirst(1).throttled(Duration.ofSeconds(1)));

    ScenarioResult result = run(scenario, "throttled");

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.serverHits()).isEqualTo(2);
    assertThat(result.elapsedMs())
        .as("the 1 s the server asked for, not the policy's 100 ms back-off")
        .isBetween(1_000L, 4_000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"async", "reactive"})
  void cancelsASlowAttemptDownToItsHttpExchangeAndRetries(String scenario) {
    downstreamBehaves(LONG_TAIL);
    long cancelledBefore = cancelledExchanges();

    ScenarioResult result = run(scenario, SLOW_THEN_FAST[0]);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.serverHits()).isEqualTo(2);
    assertThat(result.attemptNumbers()).containsExactly(1, 2);
    assertThat(result.elapsedMs()).as("one 1 s attempt timeout").isGreaterThanOrEqualTo(1_000L);
    assertThat(cancelledExchanges() - cancelledBefore)
        .as("the timed-out attempt's exchange, cancelled in the WebClient's filter chain")
        .isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"async", "reactive"})
  void doesNotRetryAClientError(String scenario) {
    downstreamBehaves(b -> b.failFirst(1).failureStatus(400));

    ScenarioResult result = run(scenario, "bad-request");

    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.serverHits()).isEqualTo(1);
    assertThat(result.error())
        .isNotNull()
        .satisfies(
            error -> assertThat(error.type()).isEqualTo(WEB_CLIENT_EXCEPTION + "$BadRequest"));
  }

  /** HTTP exchanges Backon's HTTP layer saw cancelled ({@code backon.http.calls}). */
  private long cancelledExchanges() {
    return meters.find("backon.http.calls").tag("outcome", "cancelled").timers().stream()
        .mapToLong(Timer::count)
        .sum();
  }
}

package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.ScenarioResult.Outcome;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /scenarios/breaker}: 3 attempts per call through the breaker {@code downstream}, which
 * opens after 5 failed attempts in a row; its state shows in {@code /actuator/backon} and {@code
 * /actuator/health}.
 */
class BreakerScenarioTest extends RunningSampleApp {

  private static final String OPEN = "CIRCUIT_OPEN";

  @Test
  void opensAfterFiveFailedAttemptsThenRejectsCallsWithoutReachingTheDownstream() {
    downstreamBehaves(b -> b.outage(true));

    ScenarioResult first = run("breaker", "first");
    ScenarioResult second = run("breaker", "second");
    ScenarioResult third = run("breaker", "third");

    assertThat(first.serverHits()).isEqualTo(3);
    assertThat(first.error())
        .isNotNull()
        .satisfies(e -> assertThat(e.type()).endsWith("ServiceUnavailable"));
    assertThat(first.circuitBreaker())
        .isNotNull()
        .satisfies(b -> assertThat(b.state()).isEqualTo("CLOSED"));
    assertThat(second.serverHits()).as("attempts 4 and 5 fail, the breaker opens").isEqualTo(2);
    assertThat(second.error())
        .isNotNull()
        .satisfies(e -> assertThat(e.type()).isEqualTo("io.backon.breaker.CircuitOpenException"));
    assertThat(third.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(third.serverHits()).isZero();
    assertThat(third.attemptNumbers()).isEmpty();
    assertThat(third.error())
        .isNotNull()
        .satisfies(e -> assertThat(e.type()).isEqualTo("io.backon.breaker.CircuitOpenException"));
    assertThat(third.circuitBreaker())
        .isNotNull()
        .satisfies(b -> assertThat(b.state()).isEqualTo("OPEN"));
  }

  @Test
  void anOpenBreakerShowsInTheActuatorWhileTheAppStaysUp() {
    downstreamBehaves(b -> b.outage(true));
    run("breaker", "first");
    run("breaker", "second");

    assertThat(json("/actuator/backon", 200).at("/circuitBreakers/downstream/state").asString())
        .isEqualTo("OPEN");
    assertThat(json("/actuator/health/backon/downstream", 200).at("/status").asString())
        .isEqualTo(OPEN);
    assertThat(json("/actuator/health", 200).at("/status").asString()).isEqualTo("UP");
  }

  @Test
  void closingTheBreakerThroughTheActuatorLetsCallsThroughAgain() {
    downstreamBehaves(b -> b.outage(true));
    run("breaker", "first");
    run("breaker", "second");
    downstream.reset();

    String state =
        post("/actuator/backon/circuit-breakers/downstream", "{\"state\":\"closed\"}")
            .at("/state")
            .asString();
    ScenarioResult after = run("breaker", "after-close");

    assertThat(state).isEqualTo("CLOSED");
    assertThat(json("/actuator/health/backon/downstream", 200).at("/status").asString())
        .isEqualTo("UP");
    assertThat(after.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(after.serverHits()).isEqualTo(1);
  }

  @Test
  void aSuccessfulTrialCallClosesAHalfOpenBreaker() {
    post("/actuator/backon/circuit-breakers/downstream", "{\"state\":\"half-open\"}");

    ScenarioResult trial = run("breaker", "trial");

    assertThat(trial.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(trial.circuitBreaker())
        .isNotNull()
        .satisfies(b -> assertThat(b.state()).isEqualTo("CLOSED"));
  }
}

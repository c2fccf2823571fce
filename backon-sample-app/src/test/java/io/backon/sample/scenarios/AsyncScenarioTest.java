package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.ScenarioResult.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /scenarios/async} (CompletableFuture) and {@code /scenarios/reactive} (Mono) under
 * {@code downstream-async} (4 attempts, attempt timeout 1 s).
 */
class AsyncScenarioTest extends RunningSampleApp {

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
  void givesUpAfterFourAttemptsWithTheSameExceptionsAsRestClient(String scenario) {
    downstreamBehaves(b -> b.outage(true));

    ScenarioResult result = run(scenario, "outage");

    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.serverHits()).isEqualTo(4);
    assertThat(result.error())
        .isNotNull()
        .satisfies(
            error ->
                assertThat(error.type())
                    .isEqualTo(
                        "org.springframework.web.client.HttpServerErrorException$ServiceUnavailable"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"async", "reactive"})
  void retriesConnectionResets(String scenario) {
    downstreamBehaves(b -> b.resetRate(1.0));

    ScenarioResult result = run(scenario, "resets");

    assertThat(result.serverHits()).isEqualTo(4);
    assertThat(result.error())
        .isNotNull()
        .satisfies(
            error ->
                assertThat(error.type())
                    .isEqualTo("org.springframework.web.client.ResourceAccessException"));
  }
}

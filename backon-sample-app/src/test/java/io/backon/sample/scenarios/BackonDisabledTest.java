package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.ScenarioResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** {@code backon.enabled=false}: every {@code @Backon} method calls the downstream exactly once. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "backon.enabled=false")
class BackonDisabledTest extends RunningSampleApp {

  /** The client's own exception for the 503, as the blocking scenarios' RestClient throws it. */
  private static final String REST_CLIENT_503 =
      "org.springframework.web.client.HttpServerErrorException$ServiceUnavailable";

  /** The same for the asynchronous scenarios' WebClient. */
  private static final String WEB_CLIENT_503 =
      "org.springframework.web.reactive.function.client.WebClientResponseException"
          + "$ServiceUnavailable";

  @ParameterizedTest
  @CsvSource({
    "retry, " + REST_CLIENT_503,
    "breaker, " + REST_CLIENT_503,
    "hedged, " + REST_CLIENT_503,
    "deadline, " + REST_CLIENT_503,
    "budget, " + REST_CLIENT_503,
    "fallback, " + REST_CLIENT_503,
    "async, " + WEB_CLIENT_503,
    "reactive, " + WEB_CLIENT_503,
    "catalog-item, " + REST_CLIENT_503,
    "catalog-price, " + REST_CLIENT_503
  })
  void everyScenarioMakesASingleAttemptAndGetsTheFailureAsIs(String scenario, String failure) {
    downstreamBehaves(b -> b.failFirst(1));

    ScenarioResult result = run(scenario, "fails-once");

    assertThat(result.outcome()).as("no retry, no fallback").isEqualTo(Outcome.FAILURE);
    assertThat(result.serverHits()).isEqualTo(1);
    assertThat(result.attemptNumbers()).as("no Backon attempt around the call").containsExactly(0);
    assertThat(result.error())
        .isNotNull()
        .satisfies(error -> assertThat(error.type()).isEqualTo(failure));
  }

  @Test
  void theCircuitBreakerIsNeverConsulted() {
    downstreamBehaves(b -> b.outage(true));

    for (int call = 1; call <= 6; call++) {
      assertThat(run("breaker", "outage-" + call).serverHits()).isEqualTo(1);
    }

    assertThat(breakers.find("downstream"))
        .hasValueSatisfying(breaker -> assertThat(breaker.state().name()).isEqualTo("CLOSED"));
    assertThat(json("/actuator/backon", 200).at("/enabled").asBoolean()).isFalse();
  }
}

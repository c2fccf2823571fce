package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /scenarios} and the errors of {@code GET /scenarios/{name}}. */
class ScenarioEndpointsTest extends RunningSampleApp {

  @Test
  void listsEveryScenarioWithItsPolicy() {
    JsonNode list = json("/scenarios", 200);

    assertThat(list.findValuesAsString("name"))
        .containsExactly(
            "retry",
            "breaker",
            "hedged",
            "deadline",
            "budget",
            "fallback",
            "http",
            "async",
            "reactive",
            "catalog-item",
            "catalog-price");
    assertThat(list.get(0).at("/policy").asString()).isEqualTo("downstream-retry");
    assertThat(list.get(0).has("call")).isFalse();
  }

  @Test
  void aCallWithoutRequestIdGetsAFreshOne() {
    ScenarioResult result =
        http.get()
            .uri("/scenarios/retry")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ScenarioResult.class)
            .returnResult()
            .getResponseBody();

    assertThat(result).isNotNull();
    assertThat(result.requestId()).matches("retry-[0-9a-f]{8}");
    assertThat(result.serverHits()).isEqualTo(1);
  }

  @Test
  void anUnknownScenarioIsNotFoundAndTheAnswerNamesTheKnownOnes() {
    JsonNode problem = problem("/scenarios/{name}", "nothing", 404);

    assertThat(problem.at("/detail").asString())
        .isEqualTo(
            "no scenario 'nothing'; known: [retry, breaker, hedged, deadline, budget, fallback, "
                + "http, async, reactive, catalog-item, catalog-price]");
  }

  @Test
  void anInvalidRequestIdIsABadRequestAndTheAnswerNamesTheRule() {
    JsonNode problem = problem("/scenarios/retry?requestId={id}", "has spaces", 400);

    assertThat(problem.at("/detail").asString())
        .isEqualTo("requestId must match [A-Za-z0-9._:-]{1,64} but was 'has spaces'");
    assertThat(downstream.totalHits()).isZero();
  }

  @Test
  void anEmptyRequestIdIsABadRequestToo() {
    JsonNode problem = problem("/scenarios/retry?requestId={id}", "", 400);

    assertThat(problem.at("/detail").asString())
        .isEqualTo("requestId must match [A-Za-z0-9._:-]{1,64} but was ''");
  }

  /** {@code GET} of {@code uri} with its one variable, which must answer a problem detail. */
  private JsonNode problem(String uri, String variable, int status) {
    return http.get()
        .uri(uri, variable)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType("application/problem+json")
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }
}

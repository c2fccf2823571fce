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
  void anUnknownScenarioIsNotFound() {
    http.get().uri("/scenarios/nothing").exchange().expectStatus().isNotFound();
  }

  @Test
  void anInvalidRequestIdIsABadRequest() {
    http.get()
        .uri("/scenarios/retry?requestId={id}", "has spaces")
        .exchange()
        .expectStatus()
        .isBadRequest();
    assertThat(downstream.totalHits()).isZero();
  }
}

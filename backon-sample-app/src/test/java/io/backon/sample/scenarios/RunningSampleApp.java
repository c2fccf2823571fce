package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.sample.downstream.DownstreamBehaviour;
import io.backon.sample.downstream.FlakyDownstream;
import io.backon.sample.scenarios.ScenarioResult.Outcome;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole app on a random port, with its flaky downstream on a free one, driven over real HTTP.
 * Before each test the downstream is healthy again with no hits, and every circuit breaker and
 * retry budget is reset, so tests do not see each other's state (the context is shared).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class RunningSampleApp {

  /** Seed 7 with {@link #LONG_TAIL}: the first hit of these ids is slow, the second fast. */
  static final String[] SLOW_THEN_FAST = {"call-9", "call-11", "call-16"};

  /** Seed 7 with {@link #LONG_TAIL}: the first hit of these ids is fast. */
  static final String[] FAST_FIRST = {"call-2", "call-3"};

  /** Half of the hits wait 2 s, decided by seed 7. */
  static final UnaryOperator<DownstreamBehaviour.Builder> LONG_TAIL =
      b -> b.longTailRate(0.5).longTailLatency(Duration.ofSeconds(2)).seed(7);

  @LocalServerPort int port;

  @Autowired FlakyDownstream downstream;

  @Autowired CircuitBreakerRegistry breakers;

  @Autowired RetryBudgetRegistry budgets;

  RestTestClient http;

  @BeforeEach
  void healthyDownstreamAndFreshBreakersAndBudgets() {
    downstream.reset();
    breakers.all().forEach(CircuitBreaker::reset);
    budgets.all().forEach(RetryBudget::reset);
    http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
  }

  /** Sets the downstream's behaviour, starting from the healthy one. */
  void downstreamBehaves(UnaryOperator<DownstreamBehaviour.Builder> behaviour) {
    downstream.setBehaviour(behaviour.apply(DownstreamBehaviour.builder()).build());
  }

  /**
   * An outage of the downstream and its end, with {@code requestIdPrefix} in every request id: two
   * calls each of the retry, fallback and hedged scenarios; five of the breaker scenario (the first
   * gives up after 3 attempts, the second's second attempt opens the breaker, which rejects its
   * third and the next three calls); then the downstream recovers, an operator half-opens the
   * breaker through the Actuator and a trial call closes it.
   */
  void driveAnOutageAndItsEnd(String requestIdPrefix) {
    downstreamBehaves(b -> b.outage(true));
    for (int call = 1; call <= 2; call++) {
      assertThat(run("retry", requestIdPrefix + "-retry-" + call).outcome())
          .isEqualTo(Outcome.FAILURE);
      assertThat(run("fallback", requestIdPrefix + "-fallback-" + call).outcome())
          .isEqualTo(Outcome.FALLBACK);
      ScenarioResult hedged = run("hedged", requestIdPrefix + "-hedged-" + call);
      assertThat(hedged.outcome()).isEqualTo(Outcome.FAILURE);
      assertThat(hedged.serverHits()).as("2 attempts, each hedged once").isEqualTo(4);
    }
    for (int call = 1; call <= 5; call++) {
      assertThat(run("breaker", requestIdPrefix + "-breaker-" + call).outcome())
          .isEqualTo(Outcome.FAILURE);
    }
    assertThat(downstream.hits(requestIdPrefix + "-breaker-5"))
        .as("rejected by the open breaker")
        .isZero();

    downstream.reset();
    post("/actuator/backon/circuit-breakers/downstream", "{\"state\":\"half-open\"}");
    assertThat(run("breaker", requestIdPrefix + "-trial").outcome()).isEqualTo(Outcome.SUCCESS);
  }

  /** {@code GET /scenarios/{name}?requestId={requestId}}, which must answer 200. */
  ScenarioResult run(String name, String requestId) {
    return http.get()
        .uri("/scenarios/{name}?requestId={id}", name, requestId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ScenarioResult.class)
        .returnResult()
        .getResponseBody();
  }

  /** {@code GET path} as JSON, which must answer {@code status}. */
  JsonNode json(String path, int status) {
    return http.get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  /** {@code POST path} with a JSON body, which must answer 200. */
  JsonNode post(String path, String body) {
    return http.post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }
}

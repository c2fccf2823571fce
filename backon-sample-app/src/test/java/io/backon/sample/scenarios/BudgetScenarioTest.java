package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.ScenarioResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /scenarios/budget}: up to 3 attempts per call, but retries spend the shared budget
 * {@code downstream} (10 tokens; a failed attempt costs 1; retries only above 5 tokens).
 */
class BudgetScenarioTest extends RunningSampleApp {

  @Test
  void anOutageEmptiesTheBudgetAndLaterCallsAreNotRetried() {
    downstreamBehaves(b -> b.outage(true));

    List<ScenarioResult> results = new ArrayList<>();
    for (int call = 1; call <= 10; call++) {
      results.add(run("budget", "outage-" + call));
    }

    assertThat(results)
        .extracting(ScenarioResult::serverHits)
        .containsExactly(3L, 2L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L);
    assertThat(downstream.totalHits()).as("instead of 10 calls x 3 attempts").isEqualTo(13);
    assertThat(results)
        .allSatisfy(
            result -> {
              assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
              assertThat(result.error())
                  .isNotNull()
                  .satisfies(e -> assertThat(e.type()).endsWith("ServiceUnavailable"));
            });
    assertThat(results.get(9).budget())
        .isNotNull()
        .satisfies(
            budget -> {
              assertThat(budget.tokens()).isZero();
              assertThat(budget.retriesRefused()).isEqualTo(9);
            });
    JsonNode actuator = json("/actuator/backon", 200).at("/budgets/downstream");
    assertThat(actuator.at("/retriesRefused").asLong()).isEqualTo(9);
    assertThat(actuator.at("/retriesAllowed").asLong()).isEqualTo(3);
  }

  @Test
  void successesRefillTheBudgetUntilRetriesAreAllowedAgain() {
    downstreamBehaves(b -> b.outage(true));
    run("budget", "outage-1");
    run("budget", "outage-2");
    ScenarioResult refused = run("budget", "outage-3");
    downstream.reset();
    for (int call = 1; call <= 30; call++) {
      run("budget", "healthy-" + call);
    }
    downstreamBehaves(b -> b.failFirst(1));

    ScenarioResult retried = run("budget", "fails-once");

    assertThat(refused.serverHits()).isEqualTo(1);
    assertThat(retried.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(retried.serverHits())
        .as("4 + 30 x 0.1 = 7 tokens; the failed attempt costs 1; 6 > 5 allows the retry")
        .isEqualTo(2);
  }
}

package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.ScenarioResult.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code @Backon("downstream-default")} on the class {@code CatalogService}: 3 attempts. */
class ClassLevelPolicyTest extends RunningSampleApp {

  @ParameterizedTest
  @ValueSource(strings = {"catalog-item", "catalog-price"})
  void everyPublicMethodRetriesUnderTheClassPolicy(String scenario) {
    downstreamBehaves(b -> b.failFirst(2));

    ScenarioResult result = run(scenario, "fails-twice");

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.serverHits()).isEqualTo(3);
    assertThat(result.policy()).isEqualTo("downstream-default");
  }

  @ParameterizedTest
  @ValueSource(strings = {"catalog-item", "catalog-price"})
  void everyPublicMethodGivesUpAfterThreeAttempts(String scenario) {
    downstreamBehaves(b -> b.outage(true));

    ScenarioResult result = run(scenario, "outage");

    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.serverHits()).isEqualTo(3);
  }
}

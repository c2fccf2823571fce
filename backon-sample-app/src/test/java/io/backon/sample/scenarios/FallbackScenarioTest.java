package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.ScenarioResult.Outcome;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /scenarios/fallback}: {@code @Backon(value = "downstream-retry", maxTries = 3,
 * fallback = "lastKnownGood")}.
 */
class FallbackScenarioTest extends RunningSampleApp {

  @Test
  void afterThreeFailedAttemptsTheLastGoodReplyIsServedInstead() {
    ScenarioResult good = run("fallback", "good");
    downstreamBehaves(b -> b.outage(true));

    ScenarioResult result = run("fallback", "outage");

    assertThat(good.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.outcome()).isEqualTo(Outcome.FALLBACK);
    assertThat(result.serverHits()).as("the inline maxTries = 3").isEqualTo(3);
    assertThat(result.attemptNumbers()).containsExactly(1, 2, 3);
    assertThat(result.reply())
        .isNotNull()
        .satisfies(
            reply -> {
              assertThat(reply.source()).isEqualTo("cache");
              assertThat(reply.outcome()).isEqualTo("ok");
              assertThat(reply.requestId()).isEqualTo("outage");
            });
    assertThat(result.error())
        .as("the failure the fallback replaced")
        .isNotNull()
        .satisfies(e -> assertThat(e.type()).endsWith("ServiceUnavailable"));
  }

  @Test
  void aCallThatSucceedsDoesNotFallBack() {
    downstreamBehaves(b -> b.failFirst(2));

    ScenarioResult result = run("fallback", "fails-twice");

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.serverHits()).isEqualTo(3);
    assertThat(result.error()).isNull();
  }
}

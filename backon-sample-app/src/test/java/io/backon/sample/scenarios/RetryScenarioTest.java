package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.ScenarioResult.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code GET /scenarios/retry}: RestClient under {@code downstream-retry} (4 attempts). */
class RetryScenarioTest extends RunningSampleApp {

  @Test
  void retriesUntilTheDownstreamAnswers() {
    downstreamBehaves(b -> b.failFirst(2));

    ScenarioResult result = run("retry", "fails-twice");

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.serverHits()).isEqualTo(3);
    assertThat(result.attemptNumbers()).containsExactly(1, 2, 3);
    assertThat(result.reply())
        .isNotNull()
        .satisfies(
            reply -> {
              assertThat(reply.hit()).isEqualTo(3);
              assertThat(reply.outcome()).isEqualTo("ok");
            });
    assertThat(result.policy()).isEqualTo("downstream-retry");
  }

  @Test
  void givesUpAfterFourAttemptsWithTheLastFailureItself() {
    downstreamBehaves(b -> b.outage(true));

    ScenarioResult result = run("retry", "outage");

    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.serverHits()).isEqualTo(4);
    assertThat(result.attemptNumbers()).containsExactly(1, 2, 3, 4);
    assertThat(result.error())
        .isNotNull()
        .satisfies(
            error ->
                assertThat(error.type())
                    .isEqualTo(
                        "org.springframework.web.client.HttpServerErrorException$ServiceUnavailable"));
  }

  @Test
  void waitsAsLongAsRetryAfterAsksBeforeRetryingA429() {
    downstreamBehaves(b -> b.failFirst(1).throttled(Duration.ofSeconds(1)));

    ScenarioResult result = run("retry", "throttled");

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.serverHits()).isEqualTo(2);
    assertThat(result.elapsedMs()).isBetween(1_000L, 4_000L);
  }

  @Test
  void retriesConnectionResets() {
    downstreamBehaves(b -> b.resetRate(1.0));

    ScenarioResult result = run("retry", "resets");

    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.serverHits()).isEqualTo(4);
    assertThat(result.error())
        .isNotNull()
        .satisfies(
            error -> {
              assertThat(error.type())
                  .isEqualTo("org.springframework.web.client.ResourceAccessException");
              assertThat(error.cause()).isEqualTo("java.io.IOException");
            });
  }

  @Test
  void doesNotRetryAClientError() {
    downstreamBehaves(b -> b.failFirst(1).failureStatus(400));

    ScenarioResult result = run("retry", "bad-request");

    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.serverHits()).isEqualTo(1);
    assertThat(result.error())
        .isNotNull()
        .satisfies(
            error ->
                assertThat(error.type())
                    .isEqualTo(
                        "org.springframework.web.client.HttpClientErrorException$BadRequest"));
  }
}

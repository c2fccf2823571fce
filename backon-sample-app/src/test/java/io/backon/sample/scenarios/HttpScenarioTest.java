package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.ScenarioResult.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /scenarios/http}: a plain {@code RestClient} call without {@code @Backon}; Backon's
 * HTTP layer ({@code backon.http.clients.downstream-http}) retries it under the policy {@code
 * downstream-http} (4 attempts).
 */
class HttpScenarioTest extends RunningSampleApp {

  @Test
  void theHttpLayerRetriesUntilTheDownstreamAnswers() {
    downstreamBehaves(b -> b.failFirst(2));

    ScenarioResult result = run("http", "http-fails-twice");

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.serverHits()).isEqualTo(3);
    assertThat(result.attemptNumbers()).containsExactly(1, 2, 3);
    assertThat(result.reply()).isNotNull().satisfies(reply -> assertThat(reply.hit()).isEqualTo(3));
  }

  @Test
  void waitsAsLongAsRetryAfterAsks() {
    downstreamBehaves(b -> b.failFirst(1).throttled(Duration.ofSeconds(1)));

    ScenarioResult result = run("http", "http-throttled");

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.serverHits()).isEqualTo(2);
    assertThat(result.elapsedMs()).isBetween(1_000L, 4_000L);
  }

  @Test
  void aClientErrorIsNotRetriedAndReachesTheCallerAsRestClientReportsIt() {
    downstreamBehaves(b -> b.failFirst(1).failureStatus(400));

    ScenarioResult result = run("http", "http-bad-request");

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

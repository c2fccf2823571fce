package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.ScenarioResult.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /scenarios/deadline}: each attempt may take 300 ms (a slower one is cancelled and
 * retried), the whole call 1 s.
 */
class DeadlineScenarioTest extends RunningSampleApp {

  /**
   * One call against the healthy downstream first: on a cold JVM under load the first request
   * (class loading, a new connection) can take longer than the 300 ms attempt timeout by itself,
   * which would add an attempt these tests do not expect.
   */
  @BeforeEach
  void warmUpTheScenarioAgainstTheHealthyDownstream() {
    assertThat(run("deadline", "warm-up").outcome()).isEqualTo(Outcome.SUCCESS);
  }

  @Test
  void aSlowAttemptIsCancelledAndTheRetryAnswers() {
    downstreamBehaves(LONG_TAIL);

    ScenarioResult result = run("deadline", SLOW_THEN_FAST[0]);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.serverHits()).isEqualTo(2);
    assertThat(result.attemptNumbers()).containsExactly(1, 2);
    assertThat(result.elapsedMs())
        .as("one 300 ms timeout, one back-off of at most 100 ms")
        .isBetween(300L, 1_000L);
  }

  @Test
  void endsWithDeadlineExceededWhenEveryAttemptIsTooSlow() {
    downstreamBehaves(b -> b.latency(Duration.ofSeconds(2)));

    ScenarioResult result = run("deadline", "always-slow");

    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.error())
        .isNotNull()
        .satisfies(
            error -> {
              assertThat(error.type()).isEqualTo("io.backon.DeadlineExceededException");
              assertThat(error.cause()).isEqualTo("io.backon.AttemptTimeoutException");
            });
    assertThat(result.elapsedMs())
        .as("at least two 300 ms attempts; at most the 1 s deadline (plus slack), not 2 s latency")
        .isBetween(600L, 1_900L);
    assertThat(result.serverHits())
        .as("300 ms attempts and back-offs within 1 s")
        .isBetween(2L, 4L);
    assertThat(result.attemptNumbers()).hasSize((int) result.serverHits());
  }
}

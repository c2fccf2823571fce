package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.ScenarioResult.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@code GET /scenarios/hedged} against the long-tail mode (half the hits wait 2 s): a second copy
 * starts after 50 ms without an answer, and the first answer wins.
 */
class HedgedScenarioTest extends RunningSampleApp {

  /**
   * The JVM's first hedged call loads classes and starts the hedging threads, which can take longer
   * than the 50 ms hedge delay; the tests measure calls after that.
   */
  @BeforeEach
  void warmUpTheHedgedPath() {
    run("hedged", "warm-up");
    downstream.resetStats();
  }

  @ParameterizedTest
  @FieldSource("SLOW_THEN_FAST")
  void aSlowFirstCopyIsOvertakenByTheHedgeAndTheCallReturnsPromptly(String requestId) {
    downstreamBehaves(LONG_TAIL);

    ScenarioResult result = run("hedged", requestId);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.reply())
        .isNotNull()
        .satisfies(reply -> assertThat(reply.hit()).as("the hedge's answer").isEqualTo(2));
    assertThat(result.serverHits()).isEqualTo(2);
    assertThat(result.attemptNumbers()).as("two copies of attempt 1").containsExactly(1, 1);
    assertThat(result.elapsedMs()).as("well below the 2 s long tail").isLessThan(1_000);
  }

  @ParameterizedTest
  @FieldSource("FAST_FIRST")
  void aFastFirstCopyStartsNoHedge(String requestId) {
    downstreamBehaves(LONG_TAIL);

    ScenarioResult result = run("hedged", requestId);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.serverHits()).isEqualTo(1);
    assertThat(result.attemptNumbers()).containsExactly(1);
  }
}

package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.CapturedLog;
import io.backon.CapturedLog.Line;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator reads when sixteen callers live an outage together, with the default levels
 * (java.util.logging at INFO): one WARNING per give-up whose failure reaches a caller, nothing for
 * calls the open breaker rejected before they reached the downstream, each breaker transition once,
 * the fast-retry warning at most once per policy per minute, and never a stack trace.
 */
class OutageLogVolumeTest extends OutageFixture {

  private static final int CALLERS = 16;

  private final CapturedLog log = CapturedLog.attach("io.backon", Level.INFO);

  @AfterEach
  void detachLog() {
    log.close();
  }

  @Test
  void anOutageLogsOneWarningPerPropagatedGiveUpAndEachTransitionOnce() throws Exception {
    Retrying retrying = Retrying.of(policyWithDefaultLogLevels().build());
    try (Callers callers = Callers.platformThreads(CALLERS)) {
      downstream.up.set(false);
      callers.race(caller -> callBlocking(retrying, 20));
      for (int round = 0; round < 3; round++) {
        clock.advance(RECOVERY);
        callers.race(caller -> callBlocking(retrying, 5));
      }
      downstream.up.set(true);
      clock.advance(RECOVERY);
      callers.race(caller -> callBlocking(retrying, 10));
    }

    long propagated = seen(Seen.TARGET_FAILURE) + seen(Seen.REJECTED_AFTER_TARGET_FAILURE);
    assertThat(log.linesOf("io.backon.retry"))
        .as("one line per give-up whose failure reached the caller")
        .hasSize((int) propagated)
        .allSatisfy(
            line -> {
              assertThat(line.level()).isEqualTo("WARNING");
              assertThat(line.message()).startsWith("Giving up on ").endsWith("[policy inventory]");
            });
    assertThat(log.linesOf("io.backon.breaker"))
        .as("one line per transition")
        .hasSize(transitions.size())
        .hasSize(1 + 2 * 3 + 2);
    assertThat(log.lines()).extracting(Line::thrown).containsOnlyNulls();
  }

  @Test
  void callersHammeringTheDownstreamAreWarnedAboutOnceAMinute() throws Exception {
    Retrying hot =
        Retrying.of(
            RetryPolicy.builder()
                .name("hot")
                .maxTries(8)
                .wait(Wait.none())
                .retryOn(IOException.class)
                .clock(clock)
                .sleeper(this::sleep)
                .build());
    try (Callers callers = Callers.platformThreads(CALLERS)) {
      downstream.up.set(false);
      callers.race(caller -> callBlocking(hot, 5));
      clock.advance(Duration.ofSeconds(59));
      callers.race(caller -> callBlocking(hot, 5));
      clock.advance(Duration.ofSeconds(2));
      callers.race(caller -> callBlocking(hot, 5));
    }

    List<Line> lines = log.linesOf("io.backon.retry");
    assertThat(lines.stream().filter(line -> line.message().startsWith("Giving up on ")))
        .as("give-ups")
        .hasSize(3 * CALLERS * 5);
    assertThat(lines.stream().filter(line -> line.message().startsWith("Policy 'hot' has retried")))
        .as("fast-retry warnings, over two minutes")
        .hasSize(2)
        .allMatch(line -> line.level().equals("WARNING"));
    assertThat(lines).extracting(Line::thrown).containsOnlyNulls();
  }
}

package io.backon.sample.scenarios;

import static io.backon.sample.scenarios.OutageLogTest.MARKER;
import static io.backon.sample.scenarios.OutageLogTest.RETRY_LOGGER;
import static io.backon.sample.scenarios.OutageLogTest.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.CapturedLogback.Line;
import io.backon.sample.scenarios.ScenarioResult.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The reason a call gave up, as the app's log says it: one line on {@code io.backon.retry} naming
 * the target, the attempts, the reason, the failure's class and the first line of its message
 * without the downstream's body, and the policy. A failure that reaches the caller is a WARN line
 * without a stack trace; a call an open breaker rejected is a DEBUG line ("circuit open"). Every
 * reason's text, including those no scenario of this app reaches: {@code GiveUpReasonTextTest} of
 * backon-core.
 */
class GiveUpReasonsInTheLogTest extends RunningSampleApp {

  @Autowired LoggingSystem logging;

  private CapturedLogback log;

  @BeforeEach
  void captureTheLog() {
    log = CapturedLogback.attach();
  }

  @AfterEach
  void stopCapturingAndRestoreTheLevel() {
    log.close();
    logging.setLogLevel(RETRY_LOGGER, null);
  }

  @Test
  void aClientErrorIsNotRetryable() {
    downstreamBehaves(b -> b.failureRate(1.0).failureStatus(400));

    assertThat(run("retry", MARKER + "-bad-request").serverHits()).isEqualTo(1);

    assertThat(theOneLine())
        .isEqualTo(
            new Line(
                RETRY_LOGGER,
                "WARN",
                "Giving up on DownstreamService.withRetry(String, CallTrace) after 1 attempt "
                    + "(not retryable): org.springframework.web.client.HttpClientErrorException"
                    + "$BadRequest: 400 Bad Request [...] [policy downstream-retry]",
                null));
  }

  @Test
  void anOutageReachesMaxTries() {
    downstreamBehaves(b -> b.outage(true));

    assertThat(run("retry", MARKER + "-outage").serverHits()).isEqualTo(4);

    assertThat(theOneLine())
        .isEqualTo(
            new Line(
                RETRY_LOGGER,
                "WARN",
                "Giving up on DownstreamService.withRetry(String, CallTrace) after 4 attempts "
                    + "(max tries reached): "
                    + UNAVAILABLE
                    + " [policy downstream-retry]",
                null));
  }

  @Test
  void anEmptiedBudgetStopsTheRetriesOfTheNextCall() {
    downstreamBehaves(b -> b.outage(true));
    run("budget", MARKER + "-first");
    log.close();
    log = CapturedLogback.attach();

    ScenarioResult second = run("budget", MARKER + "-second");

    assertThat(second.budget())
        .isNotNull()
        .satisfies(budget -> assertThat(budget.retriesRefused()).isEqualTo(1));
    assertThat(theOneLine())
        .isEqualTo(
            new Line(
                RETRY_LOGGER,
                "WARN",
                "Giving up on DownstreamService.budgeted(String, CallTrace) after 2 attempts "
                    + "(budget exhausted): "
                    + UNAVAILABLE
                    + " [policy downstream-budgeted]",
                null));
  }

  @Test
  void slowAttemptsRunIntoTheDeadline() {
    downstreamBehaves(b -> b.latency(Duration.ofSeconds(2)));

    ScenarioResult result = run("deadline", MARKER + "-slow");

    assertThat(result.error())
        .isNotNull()
        .satisfies(
            error -> assertThat(error.type()).isEqualTo("io.backon.DeadlineExceededException"));
    Line line = theOneLine();
    assertThat(line.level()).isEqualTo("WARN");
    assertThat(line.stackTraceOf()).isNull();
    assertThat(line.message())
        .matches(
            "Giving up on DownstreamService\\.withDeadline\\(String, "
                + "CallTrace\\) after [2-4] attempts \\(deadline exceeded\\): io\\.backon\\."
                + "AttemptTimeoutException: Attempt [1-4] of DownstreamService\\.withDeadline\\(String, "
                + "CallTrace\\) timed out after 300ms \\[policy downstream-deadline]");
  }

  @Test
  void aCallTheOpenBreakerRejectsSaysCircuitOpenAtDebugOnly() {
    downstreamBehaves(b -> b.outage(true));
    run("breaker", MARKER + "-fails");
    run("breaker", MARKER + "-opens");
    logging.setLogLevel(RETRY_LOGGER, LogLevel.DEBUG);
    log.close();
    log = CapturedLogback.attach();

    assertThat(run("breaker", MARKER + "-rejected").serverHits()).isZero();

    Line line = theOneLine();
    assertThat(line.level()).isEqualTo("DEBUG");
    assertThat(line.message())
        .matches(
            "Giving up on DownstreamService\\.behindBreaker\\(String, "
                + "CallTrace\\) at attempt 1 \\(circuit open\\): io\\.backon\\.breaker\\."
                + "CircuitOpenException: Circuit breaker 'downstream' is OPEN; retry in \\S+ "
                + "\\[policy downstream-breaker]");
  }

  @Test
  void aCallSavedByItsFallbackSaysSoAtDebugOnly() {
    downstreamBehaves(b -> b.outage(true));
    logging.setLogLevel(RETRY_LOGGER, LogLevel.DEBUG);

    assertThat(run("fallback", MARKER + "-saved").outcome()).isEqualTo(Outcome.FALLBACK);

    assertThat(log.backonLines())
        .last()
        .satisfies(
            line -> {
              assertThat(line.level()).isEqualTo("DEBUG");
              assertThat(line.message())
                  .isEqualTo(
                      "Falling back on DownstreamService.withFallback("
                          + "String, CallTrace) after 3 attempts (max tries reached): "
                          + UNAVAILABLE
                          + " [policy downstream-retry]");
            });
  }

  /** The one line Backon logged since the capture started. */
  private Line theOneLine() {
    List<Line> lines = log.backonLines();
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }
}

package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.sample.scenarios.CapturedLogback.Line;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What the app's log shows during an outage of its downstream, with Logback at Spring Boot's
 * default levels: one WARN line per call whose failure reaches the caller (also the call whose own
 * failures opened the breaker), each breaker transition once, nothing for calls a fallback saved or
 * an open breaker rejected outright (they are counted in meters), no stack trace and never the
 * downstream's response body. Every request id carries {@link #MARKER}, which the downstream echoes
 * in the JSON body of each error it answers (Spring's exception messages carry that body), so the
 * marker in the log would be a body in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutageLogTest extends RunningSampleApp {

  static final String MARKER = "BODY-MARKER-4f1c";
  static final String RETRY_LOGGER = "io.backon.retry";
  static final String BREAKER_LOGGER = "io.backon.breaker";

  /** The failure of a 503 answer as a log line shows it: class and status line, no body. */
  static final String UNAVAILABLE =
      "org.springframework.web.client.HttpServerErrorException"
          + "$ServiceUnavailable: 503 Service Unavailable [...]";

  private static final String OPENED =
      "WARN io.backon.breaker: Circuit breaker 'downstream' "
          + "CLOSED -> OPEN after … in CLOSED; rejecting calls for 10s";

  /** The call whose own second 503 opened the breaker: its third attempt was rejected. */
  private static final String REJECTED_AFTER_OPENING =
      "WARN io.backon.retry: Giving up on DownstreamService.behindBreaker(String, CallTrace) at "
          + "attempt 3 (circuit open): io.backon.breaker.CircuitOpenException: Circuit breaker "
          + "'downstream' is OPEN; retry in … (after "
          + UNAVAILABLE
          + ") [policy downstream-breaker]";

  private static final String HALF_OPENED =
      "INFO io.backon.breaker: Circuit breaker 'downstream' "
          + "OPEN -> HALF_OPEN after … in OPEN; admitting 1 trial call";
  private static final String CLOSED =
      "INFO io.backon.breaker: Circuit breaker 'downstream' "
          + "HALF_OPEN -> CLOSED after … in HALF_OPEN";

  @Autowired LoggingSystem logging;

  private CapturedLogback log;

  @BeforeEach
  void captureTheLog() {
    log = CapturedLogback.attach();
  }

  @AfterEach
  void stopCapturingAndRestoreTheLevels() {
    log.close();
    logging.setLogLevel(RETRY_LOGGER, null);
    logging.setLogLevel(BREAKER_LOGGER, null);
  }

  @Test
  void anOutageLeavesOneWarnLinePerFailedCallAndEachBreakerTransitionOnce() {
    driveAnOutageAndItsEnd(MARKER);

    assertThat(backonLinesAtInfoAndAbove())
        .containsExactly(
            giveUp("withRetry", 4, "downstream-retry"),
            giveUp("hedged", 2, "downstream-hedged"),
            giveUp("withRetry", 4, "downstream-retry"),
            giveUp("hedged", 2, "downstream-hedged"),
            giveUp("behindBreaker", 3, "downstream-breaker"),
            OPENED,
            REJECTED_AFTER_OPENING,
            HALF_OPENED,
            CLOSED);
  }

  @Test
  void noLineOfAnOutageCarriesAStackTraceOrTheDownstreamsBody(CapturedOutput output) {
    driveAnOutageAndItsEnd(MARKER);

    assertThat(log.lines())
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line.stackTraceOf()).as("%s", line).isNull())
        .noneSatisfy(line -> assertThat(line.message()).contains(MARKER));
    assertThat(output.getAll())
        .doesNotContain(MARKER)
        .doesNotContain("\tat ")
        .doesNotContain("\"hit\":");
  }

  @Test
  void withTheRetryLoggerAtDebugTheQuietCallsShowThereAndNowhereElse() {
    logging.setLogLevel(RETRY_LOGGER, LogLevel.DEBUG);

    driveAnOutageAndItsEnd(MARKER);

    List<Line> debug =
        log.backonLines().stream().filter(line -> line.level().equals("DEBUG")).toList();
    assertThat(debug).isNotEmpty().extracting(Line::logger).containsOnly(RETRY_LOGGER);
    assertThat(debug)
        .extracting(Line::message)
        .contains(
            "Falling back on DownstreamService.withFallback(String, CallTrace) after 3 "
                + "attempts (max tries reached): "
                + UNAVAILABLE
                + " [policy downstream-retry]")
        .anyMatch(
            message ->
                message.matches(
                    "Giving up on DownstreamService\\.behindBreaker"
                        + "\\(String, CallTrace\\) at attempt 1 \\(circuit open\\): "
                        + "io\\.backon\\.breaker\\.CircuitOpenException: Circuit breaker 'downstream' is OPEN; "
                        + "retry in \\S+ \\[policy downstream-breaker]"))
        .anyMatch(
            message ->
                message.startsWith("Retrying DownstreamService.withRetry(String, CallTrace) in "))
        .noneMatch(message -> message.contains(MARKER));
    assertThat(backonLinesAtInfoAndAbove())
        .as("the breaker's lines are as at INFO")
        .filteredOn(line -> line.contains(" io.backon.breaker: "))
        .containsExactly(OPENED, HALF_OPENED, CLOSED);
  }

  @Test
  void withTheBreakerLoggerAtWarnOnlyTheOpeningIsLeftOfTheBreakersLines() {
    logging.setLogLevel(BREAKER_LOGGER, LogLevel.WARN);

    driveAnOutageAndItsEnd(MARKER);

    assertThat(backonLinesAtInfoAndAbove())
        .containsExactly(
            giveUp("withRetry", 4, "downstream-retry"),
            giveUp("hedged", 2, "downstream-hedged"),
            giveUp("withRetry", 4, "downstream-retry"),
            giveUp("hedged", 2, "downstream-hedged"),
            giveUp("behindBreaker", 3, "downstream-breaker"),
            OPENED,
            REJECTED_AFTER_OPENING);
  }

  @Test
  void connectionResetsTheWebClientRetriedLeaveOnlyBackonsLineForEachCallThatFailed() {
    downstreamBehaves(b -> b.resetRate(1.0));

    assertThat(run("async", MARKER + "-resets-future").serverHits()).isEqualTo(4);
    assertThat(run("reactive", MARKER + "-resets-mono").serverHits()).isEqualTo(4);

    assertThat(log.lines())
        .as("8 resets, each reaching Backon as the WebClient's exception, which it retried")
        .filteredOn(line -> line.level().equals("WARN") || line.level().equals("ERROR"))
        .extracting(line -> line.logger() + ": " + line.message())
        .hasSize(2)
        .allMatch(
            line ->
                line.matches(
                    "io\\.backon\\.retry: Giving up on AsyncDownstreamService\\.(future|mono)"
                        + "\\(String, CallTrace\\) after 4 attempts \\(max tries reached\\): "
                        + "org\\.springframework\\.web\\.reactive\\.function\\.client\\."
                        + "WebClientRequestException: .+ \\[policy downstream-async]"));
  }

  /**
   * Backon's lines at INFO and above as {@code LEVEL logger: message}, the time spent in a breaker
   * state as {@code …}.
   */
  private List<String> backonLinesAtInfoAndAbove() {
    List<String> lines = new ArrayList<>();
    for (Line line : log.backonLines()) {
      if (line.level().equals("INFO")
          || line.level().equals("WARN")
          || line.level().equals("ERROR")) {
        lines.add(
            line.level()
                + " "
                + line.logger()
                + ": "
                + line.message()
                    .replaceAll("after \\S+ in ", "after … in ")
                    .replaceAll("retry in \\S+ ", "retry in … "));
      }
    }
    return lines;
  }

  /** The WARN line of a call that gave up after its last 503 and threw it to the caller. */
  static String giveUp(String method, int attempts, String policy) {
    return "WARN io.backon.retry: Giving up on DownstreamService."
        + method
        + "(String, CallTrace) after "
        + attempts
        + " attempts (max tries reached): "
        + UNAVAILABLE
        + " [policy "
        + policy
        + "]";
  }
}

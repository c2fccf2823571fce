package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.spring.boot.autoconfigure.beans.AsyncService;
import io.backon.spring.boot.autoconfigure.beans.SyncService;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Backon core logs through {@code System.Logger}, which defaults to java.util.logging; Spring Boot
 * bridges that to SLF4J, so Backon's lines come out in Logback's format on loggers under {@code
 * io.backon} and obey {@code logging.level.io.backon...} (Boot's default: INFO).
 */
@SpringBootTest(classes = TestApplication.class)
@ExtendWith(OutputCaptureExtension.class)
class BackonLoggingTest {

  /** Boot's console pattern: date, level, pid, "---", thread, logger, ": ", message. */
  private static final String LOGBACK_LINE =
      "^\\S+\\s+%s \\d+ --- .*\\] io\\.backon\\.retry\\s+: %s.*";

  private static final String RETRY_LOGGER = "io.backon.retry";

  @Autowired SyncService sync;
  @Autowired AsyncService async;
  @Autowired LoggingSystem logging;

  @AfterEach
  void restoreTheRetryLoggerLevel() {
    logging.setLogLevel(RETRY_LOGGER, null);
  }

  @Test
  void aGiveUpIsOneWarnLineWithoutAStackTrace(CapturedOutput output) {
    sync.flaky().failFirst(10);

    assertThatThrownBy(sync::call).isInstanceOf(IOException.class);

    assertThat(output.getOut().lines())
        .filteredOn(line -> line.contains("io.backon"))
        .singleElement()
        .asString()
        .matches(
            LOGBACK_LINE.formatted(
                " WARN",
                "Giving up on SyncService\\.call\\(\\) after 3 attempts \\(max tries reached\\): "
                    + "java\\.io\\.IOException: boom#3 \\[policy quick\\]"));
    assertThat(output.getOut()).doesNotContain("java.io.IOException: boom#3\n\tat ");
  }

  @Test
  void callsSavedByAFallbackLeaveNothingAtInfo(CapturedOutput output) throws IOException {
    sync.flaky().failFirst(10);

    assertThat(sync.withFallback("42")).startsWith("fallback:42:");
    assertThat(async.futureWithFallback().join()).isEqualTo("fallback:always");
    assertThat(async.monoWithFallback().block()).isEqualTo("fallback:always");

    assertThat(output.getOut()).doesNotContain("io.backon");
  }

  @Test
  void callsSavedByAFallbackAreLoggedAtDebug(CapturedOutput output) {
    logging.setLogLevel(RETRY_LOGGER, LogLevel.DEBUG);

    assertThat(async.futureWithFallback().join()).isEqualTo("fallback:always");

    assertThat(output.getOut().lines())
        .anyMatch(
            line ->
                line.matches(
                    LOGBACK_LINE.formatted(
                        "DEBUG",
                        "Falling back on AsyncService\\.futureWithFallback\\(\\) after 3 "
                            + "attempts .*")));
  }

  @Test
  void aFutureOrMonoGiveUpItsFallbackDoesNotTakeIsOneWarnLine(CapturedOutput output) {
    assertThatThrownBy(() -> async.futureWithNarrowFallback().join())
        .hasCauseInstanceOf(IOException.class);
    assertThatThrownBy(() -> async.monoWithNarrowFallback().block())
        .hasCauseInstanceOf(IOException.class);

    assertThat(output.getOut().lines().filter(line -> line.contains("io.backon")))
        .satisfiesExactly(
            future ->
                assertThat(future)
                    .matches(
                        LOGBACK_LINE.formatted(
                            " WARN",
                            "Giving up on AsyncService\\.futureWithNarrowFallback\\(\\) after 3 "
                                + "attempts \\(max tries reached\\): java\\.io\\.IOException: "
                                + "always \\[policy quick\\]")),
            mono ->
                assertThat(mono)
                    .matches(
                        LOGBACK_LINE.formatted(
                            " WARN",
                            "Giving up on AsyncService\\.monoWithNarrowFallback\\(\\) after 3 "
                                + "attempts .*")));
  }

  @Test
  void aRetryIsNotNews(CapturedOutput output) throws IOException {
    sync.flaky().failFirst(1);

    assertThat(sync.call()).isEqualTo("ok#2");

    assertThat(output.getOut()).doesNotContain("Retrying SyncService.call()");
  }

  @Test
  void withTheRetryLoggerAtDebugEachBackoffIsLogged(CapturedOutput output) throws IOException {
    logging.setLogLevel(RETRY_LOGGER, LogLevel.DEBUG);
    sync.flaky().failFirst(1);

    assertThat(sync.call()).isEqualTo("ok#2");

    assertThat(output.getOut().lines())
        .anyMatch(
            line ->
                line.matches(
                    LOGBACK_LINE.formatted(
                        "DEBUG",
                        "Retrying SyncService\\.call\\(\\) in 0s after attempt 1 failed with "
                            + "java\\.io\\.IOException: boom#1 \\[policy quick\\]")));
  }

  @Test
  void withTheRetryLoggerAtDebugTheGiveUpCarriesItsStackTrace(CapturedOutput output) {
    logging.setLogLevel(RETRY_LOGGER, LogLevel.DEBUG);
    sync.flaky().failFirst(10);

    assertThatThrownBy(sync::call).isInstanceOf(IOException.class);

    assertThat(output.getOut().lines())
        .anyMatch(line -> line.matches(LOGBACK_LINE.formatted(" WARN", "Giving up on .*")));
    assertThat(output.getOut()).contains("java.io.IOException: boom#3\n\tat ");
  }

  @Test
  void theRetryLoggerCanBeSilencedAlone(CapturedOutput output) {
    logging.setLogLevel(RETRY_LOGGER, LogLevel.ERROR);
    sync.flaky().failFirst(10);

    assertThatThrownBy(sync::call).isInstanceOf(IOException.class);

    assertThat(output.getOut()).doesNotContain("Giving up on SyncService.call()");
  }
}

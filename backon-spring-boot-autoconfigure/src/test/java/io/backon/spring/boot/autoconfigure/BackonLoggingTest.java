package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.spring.boot.autoconfigure.beans.SyncService;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Backon core logs through {@code System.Logger}, which defaults to java.util.logging; Spring Boot
 * bridges that to SLF4J, so Backon's lines come out in Logback's format and obey {@code
 * logging.level.io.backon}.
 */
@SpringBootTest(classes = TestApplication.class)
@ExtendWith(OutputCaptureExtension.class)
class BackonLoggingTest {

  /** Boot's console pattern: date, level, pid, "---", thread, logger, ": ", message. */
  private static final String LOGBACK_LINE = "^\\S+\\s+%s \\d+ --- .*\\] io\\.backon\\s+: %s.*";

  @Autowired SyncService sync;

  @Test
  void aGiveUpIsLoggedAtErrorOnTheIoBackonLoggerThroughLogback(CapturedOutput output) {
    sync.flaky().failFirst(10);

    assertThatThrownBy(sync::call).isInstanceOf(IOException.class);

    assertThat(output.getOut().lines())
        .anyMatch(line -> line.matches(LOGBACK_LINE.formatted("ERROR",
            "Giving up on SyncService\\.call\\(\\) after 3 attempts .*java\\.io\\.IOException: boom#3 \\[policy quick\\]")));
    assertThat(output.getOut()).contains("java.io.IOException: boom#3\n\tat ");
  }

  @Test
  void eachBackoffIsLoggedAtInfo(CapturedOutput output) throws IOException {
    sync.flaky().failFirst(1);

    assertThat(sync.call()).isEqualTo("ok#2");

    assertThat(output.getOut().lines())
        .anyMatch(line -> line.matches(LOGBACK_LINE.formatted(" INFO",
            "Retrying SyncService\\.call\\(\\) in 0s after attempt 1 failed with java\\.io\\.IOException: boom#1")));
  }
}

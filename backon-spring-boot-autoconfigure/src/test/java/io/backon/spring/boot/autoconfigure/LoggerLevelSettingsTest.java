package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Hedging;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.hedge.HedgingPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An operator's settings in {@code application.properties}, as the README's Logs section and its
 * Spring Boot "Logging" item describe them: {@code logging.level.io.backon.breaker=warn} keeps only
 * a breaker's openings, {@code logging.level.io.backon.hedge} governs the lines of a broken hedge
 * listener, and a policy's {@code backoff-log-level=WARN} / {@code give-up-log-level=OFF} move its
 * lines to that level while {@code io.backon.retry} stays at Boot's default (INFO).
 */
@SpringBootTest(
    classes = LoggerLevelSettingsTest.App.class,
    properties = {
      "logging.level.io.backon.breaker=warn",
      "logging.level.io.backon.hedge=error",
      "backon.policies.inventory.wait=none",
      "backon.policies.inventory.max-tries=1",
      "backon.policies.inventory.circuit-breaker=inventory",
      "backon.circuit-breakers.inventory.failure-threshold=2",
      "backon.policies.loud.wait=none",
      "backon.policies.loud.max-tries=2",
      "backon.policies.loud.backoff-log-level=WARN",
      "backon.policies.quiet.wait=none",
      "backon.policies.quiet.max-tries=2",
      "backon.policies.quiet.give-up-log-level=OFF"
    })
@ExtendWith(OutputCaptureExtension.class)
class LoggerLevelSettingsTest {

  @Autowired RetryPolicyRegistry policies;
  @Autowired CircuitBreakerRegistry breakers;
  @Autowired LoggingSystem logging;

  @Test
  void withTheBreakerLoggerAtWarnOnlyTheOpeningIsLogged(CapturedOutput output) {
    CircuitBreaker breaker = breakers.find("inventory").orElseThrow();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> policies.retrying("inventory").call(LoggerLevelSettingsTest::down))
          .isInstanceOf(IOException.class);
    }
    breaker.halfOpen();
    breaker.close();

    assertThat(linesOf(output, "io.backon.breaker"))
        .singleElement()
        .satisfies(
            line -> assertThat(line).contains(" WARN ").contains("'inventory' CLOSED -> OPEN"));
  }

  @Test
  void aBackoffLogLevelOfWarnShowsEachBackoffAtWarn(CapturedOutput output) {
    assertThatThrownBy(() -> policies.retrying("loud").call(LoggerLevelSettingsTest::down))
        .isInstanceOf(IOException.class);

    assertThat(linesOf(output, "io.backon.retry"))
        .satisfiesExactly(
            backoff -> assertThat(backoff).contains(" WARN ").contains(": Retrying "),
            giveUp -> assertThat(giveUp).contains(" WARN ").contains(": Giving up on "));
  }

  @Test
  void aGiveUpLogLevelOfOffLeavesNoLine(CapturedOutput output) {
    assertThatThrownBy(() -> policies.retrying("quiet").call(LoggerLevelSettingsTest::down))
        .isInstanceOf(IOException.class);

    assertThat(linesOf(output, "io.backon.retry")).isEmpty();
  }

  @Test
  void theHedgeLoggerHidesABrokenHedgeListenerAtErrorAndShowsItAtWarn(CapturedOutput output)
      throws Exception {
    HedgingPolicy hedging =
        HedgingPolicy.builder()
            .maxHedges(2)
            .hedgeDelay(Duration.ZERO)
            .onHedge(
                hedgeNumber -> {
                  throw new IllegalStateException("broken listener");
                })
            .build();

    assertThat(Hedging.call(hedging, bothCopiesRunning())).isEqualTo("quote");
    assertThat(output.getOut()).doesNotContain("broken listener");

    logging.setLogLevel("io.backon.hedge", LogLevel.WARN);
    try {
      assertThat(Hedging.call(hedging, bothCopiesRunning())).isEqualTo("quote");
    } finally {
      logging.setLogLevel("io.backon.hedge", LogLevel.ERROR);
    }
    assertThat(linesOf(output, "io.backon.hedge"))
        .singleElement()
        .satisfies(line -> assertThat(line).contains(" WARN "));
    assertThat(output.getOut()).contains("java.lang.IllegalStateException: broken listener");
  }

  /** A copy that answers once the primary and its hedge both started: onHedge ran first. */
  private static Callable<String> bothCopiesRunning() {
    CountDownLatch started = new CountDownLatch(2);
    return () -> {
      started.countDown();
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      return "quote";
    };
  }

  private static String down() throws IOException {
    throw new IOException("down");
  }

  private static List<String> linesOf(CapturedOutput output, String logger) {
    return output.getOut().lines().filter(line -> line.contains(" " + logger + " ")).toList();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}
}

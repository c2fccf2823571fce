package io.backon;

import io.backon.breaker.CircuitBreaker;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;

/**
 * The fake time, the captured log at INFO and the policies the give-up logging tests share ({@link
 * GiveUpLoggingTest}, {@link AnsweredGiveUpLoggingTest}, {@link OpenBreakerGiveUpLoggingTest});
 * each of them extends this fixture.
 */
abstract class GiveUpLoggingFixture {

  static final String TARGET = "PaymentClient.charge";

  final FakeClock clock = new FakeClock();
  final ManualSleeper sleeper = new ManualSleeper(clock);

  /** What an operator sees with Backon's loggers at INFO (Spring Boot's default). */
  final CapturedLog atInfo = CapturedLog.attach("io.backon", Level.INFO);

  @AfterEach
  void detachLog() {
    atInfo.close();
  }

  // ------------------------------------------------------------------------------ helpers

  CircuitBreaker openBreaker() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("payments")
            .clock(clock)
            .failureThreshold(1)
            .recoveryTimeout(Duration.ofSeconds(30))
            .build();
    breaker.tryAcquirePermission();
    breaker.onError(0L, new IOException("down"));
    return breaker;
  }

  static Object catchValue(Retrying retrying) {
    try {
      return retrying.call(() -> "never runs");
    } catch (Exception unexpected) {
      throw new AssertionError(unexpected);
    }
  }

  RetryPolicyBuilder policy(String name, int maxTries) {
    return RetryPolicy.builder()
        .name(name)
        .maxTries(maxTries)
        .wait(Wait.constant(Duration.ofSeconds(1)))
        .jitter(Jitter.none())
        .sleeper(sleeper)
        .clock(clock);
  }
}

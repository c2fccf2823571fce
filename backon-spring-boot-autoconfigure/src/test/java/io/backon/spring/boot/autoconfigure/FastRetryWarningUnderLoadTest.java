package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Backon;
import io.backon.spring.boot.autoconfigure.CapturedLogback.Line;
import io.backon.testing.FakeClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * A policy without waits retrying under load, in a Spring Boot app: sixteen threads call two
 * {@code @Backon} methods of the policy (one with an inline override, a copy of the policy that
 * shares its name) many times each, every call retrying seven times at once. The fast-retry warning
 * appears once a minute on the policies' clock, counting the calls it covers, however many calls
 * hammer the downstream meanwhile.
 */
@SpringBootTest(
    classes = FastRetryWarningUnderLoadTest.App.class,
    properties = {
      "backon.policies.hot.wait=none",
      "backon.policies.hot.max-tries=8",
      "backon.policies.hot.retry-on=java.io.IOException"
    })
class FastRetryWarningUnderLoadTest {

  private static final int THREADS = 16;

  @Autowired LoggingSystem logging;
  @Autowired Poller poller;
  @Autowired FakeClock clock;

  private CapturedLogback log;

  /** After Spring Boot configured Logback, which drops appenders attached before. */
  @BeforeEach
  void captureTheLog() {
    log = CapturedLogback.attachAtBootsDefaultLevels(logging);
  }

  @AfterEach
  void stopCapturing() {
    log.close();
  }

  @Test
  void sixteenThreadsHammeringTheDownstreamAreWarnedAboutOnceAMinuteWithTheCallsCovered()
      throws Exception {
    callFromSixteenThreads(50);
    clock.advance(Duration.ofSeconds(59));
    callFromSixteenThreads(5);

    assertThat(warnings())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.level()).isEqualTo("WARN");
              assertThat(line.message())
                  .startsWith("Policy 'hot' has retried Poller.")
                  .contains(" 5 times less than 100 ms apart (1 call so far); ");
            });

    clock.advance(Duration.ofSeconds(2));
    callFromSixteenThreads(5);

    assertThat(warnings())
        .hasSize(2)
        .last()
        .satisfies(
            line ->
                assertThat(line.message())
                    .contains(
                        " 5 times less than 100 ms apart (880 calls in the last 1m1s); "
                            + "this hammers the downstream."));
  }

  private List<Line> warnings() {
    return log.backonLines().stream()
        .filter(line -> line.message().startsWith("Policy 'hot' has retried"))
        .toList();
  }

  private void callFromSixteenThreads(int callsEach) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        done.add(
            callers.submit(
                () -> {
                  for (int call = 0; call < callsEach; call++) {
                    callOnce(call % 2 == 0);
                  }
                }));
      }
      for (Future<?> each : done) {
        each.get(60, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  private void callOnce(boolean overridden) {
    try {
      if (overridden) {
        poller.pollOften();
      } else {
        poller.poll();
      }
    } catch (IOException expected) {
      // the downstream is down: every call gives up after eight tries
    }
  }

  /** The user's application, its policies on a fake clock. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    @Bean
    FakeClock clock() {
      return new FakeClock();
    }

    @Bean
    Poller poller() {
      return new Poller();
    }

    @Bean
    BackonPolicyCustomizer fakeTime(FakeClock clock) {
      return (name, builder) -> builder.clock(clock);
    }
  }

  /** A client of a downstream that is down. */
  static class Poller {

    @Backon("hot")
    public String poll() throws IOException {
      throw new IOException("503 Service Unavailable");
    }

    @Backon(value = "hot", maxTries = 7)
    public String pollOften() throws IOException {
      throw new IOException("503 Service Unavailable");
    }
  }
}

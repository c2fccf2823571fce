package io.backon.timeout;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.EventType;
import io.backon.RetryEvent;
import io.backon.RetryPolicyBuilder;
import io.backon.wait.Jitter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * Attempt timeouts and deadlines of the blocking faces: the target runs on the caller's thread and
 * is interrupted. Each scenario runs in fake time (the target moves the clock itself, so counts are
 * exact) and in real time (a sleeping target, generous bounds).
 *
 * <p>The state, helpers and checks the blocking time limit tests share: each test class extends
 * this fixture so that its nested scenarios see the attempts and events of the test.
 */
abstract class SyncTimeLimitFixture {

  static final Duration MS_100 = Duration.ofMillis(100);
  static final Duration MS_500 = Duration.ofMillis(500);
  static final Duration SECOND = Duration.ofSeconds(1);

  final AtomicInteger attempts = new AtomicInteger();
  final List<RetryEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void callerThreadIsNeverLeftInterrupted() {
    assertThat(Thread.interrupted()).as("interrupt flag of the caller's thread").isFalse();
  }

  RetryPolicyBuilder quiet(RetryPolicyBuilder builder) {
    for (EventType type : EventType.values()) {
      builder.listen(type, events::add);
    }
    return builder.jitter(Jitter.none()).backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF);
  }

  RetryEvent giveUpEvent() {
    return events.stream().filter(e -> e.type() == EventType.GIVE_UP).findFirst().orElseThrow();
  }
}

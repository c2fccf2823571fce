package io.backon.timeout;

import io.backon.EventType;
import io.backon.RetryEvent;
import io.backon.RetryPolicyBuilder;
import io.backon.wait.Jitter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Attempt timeouts and deadlines of the async faces: a timed-out attempt has its future cancelled.
 * {@code callAsync} runs in fake time (exact counts); {@code supplyAsync} with a sleeping target
 * and {@code callAsync} run in real time as well (generous bounds).
 *
 * <p>The state and helpers the async time limit tests share: each test class extends this fixture
 * so that its nested scenarios see the calls, attempts and events of the test.
 */
abstract class AsyncTimeLimitFixture {

  static final Duration MS_100 = Duration.ofMillis(100);
  static final Duration MS_500 = Duration.ofMillis(500);
  static final Duration SECOND = Duration.ofSeconds(1);

  final AtomicInteger calls = new AtomicInteger();
  final List<CompletableFuture<String>> attempts = new CopyOnWriteArrayList<>();
  final List<RetryEvent> events = new CopyOnWriteArrayList<>();

  RetryPolicyBuilder recording(RetryPolicyBuilder builder) {
    for (EventType type : EventType.values()) {
      builder.listen(type, events::add);
    }
    return builder.jitter(Jitter.none()).backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF);
  }

  RetryEvent giveUpEvent() {
    return events.stream().filter(e -> e.type() == EventType.GIVE_UP).findFirst().orElseThrow();
  }
}

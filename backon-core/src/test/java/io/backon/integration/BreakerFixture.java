package io.backon.integration;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerBuilder;
import io.backon.breaker.CircuitStateTransition;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link PipelineFixture} plus a breaker on the same fake clock whose transitions are recorded, and
 * a target that fails a given number of times.
 */
abstract class BreakerFixture extends PipelineFixture {

  final List<String> transitions = new CopyOnWriteArrayList<>();

  /** Opens after {@code threshold} consecutive failures; a window that never trips on its own. */
  CircuitBreakerBuilder breaker(int threshold) {
    return CircuitBreaker.builder("inventory")
        .clock(clock)
        .failureThreshold(threshold)
        .countBasedWindow(50)
        .minimumCalls(50)
        .recoveryTimeout(Duration.ofSeconds(1))
        .onStateChange(t -> transitions.add(describe(t)));
  }

  private static String describe(CircuitStateTransition t) {
    return t.from() + "->" + t.to();
  }

  /** A target that fails {@code failures} times with IOException("down #n"), then answers. */
  String flaky(int failures) throws IOException {
    int n = invocations.incrementAndGet();
    if (n <= failures) {
      throw new IOException("down #" + n);
    }
    return "in stock";
  }
}

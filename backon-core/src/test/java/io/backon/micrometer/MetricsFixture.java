package io.backon.micrometer;

import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared set-up: a fake clock driving the policy (each target call takes 10 ms of it, each back-off
 * 100 ms), and a target that fails a given number of times before returning "ok".
 */
abstract class MetricsFixture {

  static final Duration TEN_MS = Duration.ofMillis(10);

  final FakeClock clock = new FakeClock();
  final AtomicInteger calls = new AtomicInteger();

  /** A policy named "payments" on the fake clock with a constant 100 ms wait, logs off. */
  RetryPolicyBuilder policy() {
    return RetryPolicy.builder()
        .name("payments")
        .clock(clock)
        .sleeper(new ManualSleeper(clock))
        .wait(Wait.constant(Duration.ofMillis(100)))
        .jitter(Jitter.none())
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF);
  }

  /** Takes 10 ms, fails with IOException {@code failures} times, then returns "ok". */
  String flaky(int failures) throws IOException {
    clock.advance(TEN_MS);
    if (calls.incrementAndGet() <= failures) {
      throw new IOException("down");
    }
    return "ok";
  }
}

package io.backon.async;

import static io.backon.testfixtures.Async.fakeTimePolicy;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.EventType;
import io.backon.Invocation;
import io.backon.RetryEvent;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.testfixtures.FakeTime;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The async faces behave like {@code Retrying.call} for the same scenario: same events, statistics,
 * switches, test helpers and attempt context. Each comparison runs the scenario twice, blocking (on
 * a ManualSleeper) and async (on a ManualScheduler), on clocks that start at the same instant.
 *
 * <p>The clocks, policies, scripted target and event descriptions those tests share; each of them
 * extends this fixture.
 */
abstract class AsyncLikeBlockingFixture {

  static final Duration WAIT = Duration.ofMillis(200);

  final FakeClock syncClock = new FakeClock();
  final FakeClock asyncClock = new FakeClock();
  final ManualScheduler scheduler = new ManualScheduler(asyncClock);

  RetryPolicyBuilder syncPolicy(List<RetryEvent> events) {
    return recording(
        fakeTimePolicy(syncClock, new ManualScheduler(syncClock))
            .sleeper(new ManualSleeper(syncClock)),
        events);
  }

  RetryPolicyBuilder asyncPolicy(List<RetryEvent> events) {
    return recording(fakeTimePolicy(asyncClock, scheduler), events);
  }

  static RetryPolicyBuilder recording(RetryPolicyBuilder builder, List<RetryEvent> events) {
    builder.name("quotes").wait(Wait.constant(WAIT));
    for (EventType type : EventType.values()) {
      builder.listen(type, events::add);
    }
    return builder;
  }

  /** Everything an event says, in a comparable form. */
  static List<String> describe(List<RetryEvent> events) {
    return events.stream()
        .map(
            e ->
                e.type()
                    + "#"
                    + e.attemptNumber()
                    + " policy="
                    + e.policyName()
                    + " target="
                    + e.targetName()
                    + " args="
                    + e.arguments()
                    + " elapsed="
                    + e.elapsed()
                    + " value="
                    + e.value()
                    + " failure="
                    + (e.failure() == null
                        ? null
                        : e.failure().getClass().getSimpleName() + ":" + e.failure().getMessage())
                    + " wait="
                    + e.waitDuration()
                    + " reason="
                    + e.giveUpReason())
        .toList();
  }

  /** A scripted target: each step fails with an IOException or, for "ok", succeeds. */
  static final class Script {
    private final String[] steps;
    private final AtomicInteger calls = new AtomicInteger();

    Script(String... steps) {
      this.steps = steps;
    }

    private String next() throws IOException {
      String step = steps[Math.min(calls.getAndIncrement(), steps.length - 1)];
      if (!step.equals("ok")) {
        throw new IOException(step);
      }
      return step;
    }

    Callable<String> sync() {
      return this::next;
    }

    Supplier<CompletionStage<String>> async() {
      return () -> {
        try {
          return CompletableFuture.completedFuture(next());
        } catch (IOException failure) {
          return CompletableFuture.failedFuture(failure);
        }
      };
    }
  }

  void runBoth(RetryPolicyBuilder sync, RetryPolicyBuilder async, String... steps) {
    Invocation invocation = Invocation.of("QuoteClient.fetch", "EURUSD");
    try {
      Retrying.of(sync.build()).call(invocation, new Script(steps).sync());
    } catch (Exception expected) {
      // compared through the events
    }
    CompletableFuture<String> result =
        Retrying.of(async.build()).callAsync(invocation, new Script(steps).async());
    FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(5));
    assertThat(result).isDone();
  }
}

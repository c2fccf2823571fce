package io.backon.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Attempt;
import io.backon.Attempts;
import io.backon.CapturedLog;
import io.backon.Retries;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link RetryInstrumentation#sharedTracer}: asked once when the policy is built; its tracer then
 * serves every call of the policy, on every face, and {@code callStarted} is never asked.
 */
class SharedTracerTest {

  private final AtomicInteger attempts = new AtomicInteger();

  /** Records events without per-call state, and counts how often each hook is asked. */
  private static final class SharedRecorder
      implements RetryInstrumentation, CallTracer, AttemptTracer {

    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicInteger sharedAsked = new AtomicInteger();
    final AtomicInteger callsStarted = new AtomicInteger();

    @Override
    public CallTracer callStarted(RetryPolicy policy, String targetName) {
      callsStarted.incrementAndGet();
      return this;
    }

    @Override
    public @Nullable CallTracer sharedTracer(RetryPolicy policy) {
      sharedAsked.incrementAndGet();
      events.add("shared for " + policy.name());
      return this;
    }

    @Override
    public AttemptTracer attemptStarted(int attemptNumber) {
      events.add("attempt " + attemptNumber);
      return this;
    }

    @Override
    public void attemptEnded(
        AttemptOutcome outcome, @Nullable Throwable failure, long durationNanos) {
      events.add("attempt ended " + outcome.tagValue());
    }

    @Override
    public void callEnded(
        CallOutcome outcome, @Nullable Throwable failure, int attempts, long durationNanos) {
      events.add("call ended " + outcome.tagValue() + " after " + attempts);
    }
  }

  private static RetryPolicyBuilder policy(RetryInstrumentation instrumentation) {
    return RetryPolicy.builder()
        .name("shared")
        .wait(Wait.none())
        .jitter(Jitter.none())
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF)
        .instrumentation(instrumentation);
  }

  private String failingOnce() throws IOException {
    if (attempts.incrementAndGet() == 1) {
      throw new IOException("down");
    }
    return "ok";
  }

  @Test
  void aSharedTracerIsAskedOnceAtBuildAndServesEveryCallOnEveryFace() throws Exception {
    SharedRecorder recorder = new SharedRecorder();
    Retrying retrying = Retrying.of(policy(recorder).build());
    assertThat(recorder.events).containsExactly("shared for shared");
    recorder.events.clear();

    assertThat(retrying.call(this::failingOnce)).isEqualTo("ok");
    assertThat(retrying.call(() -> "at once")).isEqualTo("at once");
    assertThat(retrying.callAsync(() -> CompletableFuture.completedFuture("async")).join())
        .isEqualTo("async");

    assertThat(recorder.sharedAsked).hasValue(1);
    assertThat(recorder.callsStarted).as("callStarted is never asked").hasValue(0);
    assertThat(recorder.events)
        .containsExactly(
            "attempt 1",
            "attempt ended failure",
            "attempt 2",
            "attempt ended success",
            "call ended success_with_retry after 2",
            "attempt 1",
            "attempt ended success",
            "call ended success_without_retry after 1",
            "attempt 1",
            "attempt ended success",
            "call ended success_without_retry after 1");
  }

  @Test
  void withoutASharedTracerEachCallStartsItsOwn() throws Exception {
    AtomicInteger started = new AtomicInteger();
    RetryInstrumentation perCall =
        (policy, targetName) -> {
          started.incrementAndGet();
          return NoTracer.INSTANCE;
        };
    Retrying retrying = Retrying.of(policy(perCall).build());

    retrying.call(() -> "a");
    retrying.call(() -> "b");

    assertThat(started).hasValue(2);
  }

  @Test
  void aThrowingSharedTracerIsLoggedAtBuildAndEachCallStartsItsOwn() throws Exception {
    AtomicInteger started = new AtomicInteger();
    RetryInstrumentation broken =
        new RetryInstrumentation() {
          @Override
          public CallTracer callStarted(RetryPolicy policy, String targetName) {
            started.incrementAndGet();
            return NoTracer.INSTANCE;
          }

          @Override
          public @Nullable CallTracer sharedTracer(RetryPolicy policy) {
            throw new IllegalStateException("sharedTracer broke");
          }
        };
    try (CapturedLog log = CapturedLog.attach()) {
      Retrying retrying = Retrying.of(policy(broken).build());

      assertThat(log.linesOf("io.backon.instrumentation"))
          .extracting(CapturedLog.Line::message)
          .containsExactly("Instrumentation hook sharedTracer threw; the call goes on");
      assertThat(retrying.call(this::failingOnce)).isEqualTo("ok");
      assertThat(started).hasValue(1);
    }
  }

  @Test
  void aDisabledPolicyReportsNothingToItsSharedTracer() throws Exception {
    SharedRecorder recorder = new SharedRecorder();
    Retrying retrying = Retrying.of(policy(recorder).enabled(false).build());
    recorder.events.clear();

    assertThat(retrying.call(() -> "once")).isEqualTo("once");
    assertThat(retrying.callAsync(() -> CompletableFuture.completedFuture("twice")).join())
        .isEqualTo("twice");

    assertThat(recorder.events).isEmpty();
  }

  /** The iterator face builds its call state even when retrying is off; it reports nothing. */
  @Test
  void retriesSwitchedOffReportNothingToASharedTracerOnTheIteratorFace() throws Exception {
    SharedRecorder recorder = new SharedRecorder();
    Retrying retrying = Retrying.of(policy(recorder).build());
    recorder.events.clear();
    Retries.disable();
    try {
      Attempts<String> attempts = retrying.attempts();
      for (Attempt<String> attempt : attempts) {
        attempt.succeed("once");
      }
      assertThat(attempts.result()).isEqualTo("once");
    } finally {
      Retries.enable();
    }

    assertThat(recorder.events).isEmpty();
  }
}

package io.backon.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.CapturedLog;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.hedge.HedgeOutcome;
import io.backon.hedge.HedgingPolicy;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every attempt hook of an instrumentation may throw: it is logged and the call goes on. */
class ThrowingTracerHooksTest {

  private final AtomicInteger calls = new AtomicInteger();

  /** Attempt 1's scope fails to open, attempt 2's fails to close; every other hook throws. */
  private static final RetryInstrumentation BROKEN =
      (policy, targetName) ->
          new CallTracer() {
            @Override
            public AttemptTracer attemptStarted(int attemptNumber) {
              return new AttemptTracer() {
                @Override
                public TraceScope openScope() {
                  if (attemptNumber == 1) {
                    throw new IllegalStateException("openScope broke");
                  }
                  return () -> {
                    throw new IllegalStateException("close broke");
                  };
                }

                @Override
                public void hedgeEnded(HedgeOutcome outcome) {
                  throw new IllegalStateException("hedgeEnded broke");
                }

                @Override
                public void attemptEnded(
                    AttemptOutcome outcome, @Nullable Throwable failure, long durationNanos) {
                  throw new IllegalStateException("attemptEnded broke");
                }
              };
            }

            @Override
            public void callEnded(
                CallOutcome outcome,
                @Nullable Throwable failure,
                int attempts,
                long durationNanos) {}
          };

  private static RetryPolicyBuilder policy() {
    return RetryPolicy.builder()
        .name("p")
        .wait(Wait.none())
        .jitter(Jitter.none())
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF)
        .instrumentation(BROKEN);
  }

  private String failingOnce() throws IOException {
    if (calls.incrementAndGet() == 1) {
      throw new IOException("down");
    }
    return "ok";
  }

  @Test
  void scopesThatFailToOpenOrCloseAndAThrowingAttemptEndAreLoggedAndTheCallGoesOn()
      throws Exception {
    try (CapturedLog log = CapturedLog.attach()) {
      assertThat(Retrying.of(policy().build()).call(this::failingOnce)).isEqualTo("ok");

      assertThat(log.linesOf("io.backon.instrumentation"))
          .extracting(CapturedLog.Line::message)
          .contains(
              "Instrumentation hook openScope threw; the call goes on",
              "Instrumentation hook TraceScope.close threw; the call goes on",
              "Instrumentation hook attemptEnded threw; the call goes on");
    }
  }

  @Test
  void aThrowingHedgeEndIsLoggedAndTheHedgedCallGoesOn() {
    HedgingPolicy hedging = HedgingPolicy.builder().maxHedges(2).build();
    try (CapturedLog log = CapturedLog.attach()) {
      CompletableFuture<String> call =
          Retrying.of(policy().hedging(hedging).build())
              .callAsync(() -> CompletableFuture.completedFuture("ok"));

      assertThat(call.join()).isEqualTo("ok");
      assertThat(log.linesOf("io.backon.instrumentation"))
          .extracting(CapturedLog.Line::message)
          .contains("Instrumentation hook hedgeEnded threw; the call goes on");
    }
  }

  /** Starts calls whose attempts record nothing and whose end throws. */
  private static final RetryInstrumentation BROKEN_CALL_END =
      (policy, targetName) ->
          new CallTracer() {
            @Override
            public AttemptTracer attemptStarted(int attemptNumber) {
              return (outcome, failure, durationNanos) -> {};
            }

            @Override
            public void callEnded(
                CallOutcome outcome,
                @Nullable Throwable failure,
                int attempts,
                long durationNanos) {
              throw new IllegalStateException("callEnded broke");
            }
          };

  @Test
  void aThrowingCallStartIsLoggedAndTheCallRunsUntraced() throws Exception {
    RetryInstrumentation broken =
        (policy, targetName) -> {
          throw new IllegalStateException("callStarted broke");
        };
    try (CapturedLog log = CapturedLog.attach()) {
      assertThat(Retrying.of(policy().instrumentation(broken).build()).call(this::failingOnce))
          .isEqualTo("ok");

      assertThat(log.linesOf("io.backon.instrumentation"))
          .extracting(CapturedLog.Line::message)
          .contains("Instrumentation hook callStarted threw; the call goes on");
    }
  }

  @ParameterizedTest(name = "{0} failures before success")
  @ValueSource(ints = {0, 1})
  void aThrowingCallEndIsLoggedAndTheValueStillReturned(int failures) throws Exception {
    Retrying retrying = Retrying.of(policy().instrumentation(BROKEN_CALL_END).build());
    calls.set(1 - failures);
    try (CapturedLog log = CapturedLog.attach()) {
      assertThat(retrying.call(this::failingOnce)).isEqualTo("ok");

      assertThat(log.linesOf("io.backon.instrumentation"))
          .extracting(CapturedLog.Line::message)
          .containsExactly("Instrumentation hook callEnded threw; the call goes on");
    }
  }
}

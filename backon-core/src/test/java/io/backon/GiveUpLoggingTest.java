package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.CapturedLog.Line;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitOpenException;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The give-up line on {@code io.backon.retry}: a failure that reaches the caller is one WARNING
 * line without a stack trace (the stack only while DEBUG is on); a call saved by a fallback and a
 * call rejected by an open breaker are logged at DEBUG only. The text of each reason: {@link
 * GiveUpReasonTextTest}.
 */
class GiveUpLoggingTest {

  private static final String TARGET = "PaymentClient.charge";

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);

  /** What an operator sees with Backon's loggers at INFO (Spring Boot's default). */
  private final CapturedLog atInfo = CapturedLog.attach("io.backon", Level.INFO);

  @AfterEach
  void detachLog() {
    atInfo.close();
  }

  // ------------------------------------------------------------------ propagated give-up

  @Test
  void aFailureReachingTheCallerIsOneWarningLineWithoutAStackTrace() {
    IOException last = new IOException("card service down");

    assertThatThrownBy(
            () ->
                Retrying.of(policy("payments", 3).build())
                    .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(last)))
        .isSameAs(last);

    assertThat(atInfo.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.logger()).isEqualTo("io.backon.retry");
              assertThat(line.level()).isEqualTo("WARNING");
              assertThat(line.thrown()).isNull();
              assertThat(line.message())
                  .isEqualTo(
                      "Giving up on PaymentClient.charge after 3 attempts "
                          + "(max tries reached): java.io.IOException: card service down [policy payments]");
            });
  }

  @Test
  void theStackTraceGoesAlongWhileDebugIsOnForTheRetryLogger() {
    IOException last = new IOException("card service down");

    try (CapturedLog atDebug = CapturedLog.attach("io.backon.retry", Level.FINE)) {
      assertThatThrownBy(
              () ->
                  Retrying.of(policy("payments", 2).build())
                      .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(last)))
          .isSameAs(last);

      assertThat(atDebug.lines()).extracting(Line::level).containsExactly("FINE", "WARNING");
      assertThat(atDebug.lines()).last().extracting(Line::thrown).isSameAs(last);
    }
  }

  @Test
  void aSingleAttemptInTheSingular() {
    IllegalStateException bug = new IllegalStateException("bug");
    RetryPolicy policy = policy("payments", 3).retryOn(IOException.class).build();

    assertThatThrownBy(
            () -> Retrying.of(policy).call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(bug)))
        .isSameAs(bug);

    assertThat(atInfo.lines())
        .extracting(Line::message)
        .containsExactly(
            "Giving up on PaymentClient.charge after 1 attempt (not retryable): "
                + "java.lang.IllegalStateException: bug [policy payments]");
  }

  @Test
  void aResponseBodyInTheMessageNeverReachesTheLog() {
    String body =
        "{\"customer\":\"4111 1111 1111 1111\"," + "\"padding\":\"" + "p".repeat(100_000) + "\"}";
    IOException withBody = new IOException("500 Internal Server Error: " + body);

    assertThatThrownBy(
            () ->
                Retrying.of(policy("payments", 1).build())
                    .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(withBody)))
        .isSameAs(withBody);

    assertThat(atInfo.lines())
        .singleElement()
        .extracting(Line::message)
        .isEqualTo(
            "Giving up on PaymentClient.charge after 1 attempt (max tries reached): "
                + "java.io.IOException: 500 Internal Server Error [...] [policy payments]");
  }

  @Test
  void aMultiLineMessageIsCutToItsFirstLine() {
    IOException multiLine = new IOException("upstream failed\nat line 2\nat line 3");

    assertThatThrownBy(
            () ->
                Retrying.of(policy("payments", 1).build())
                    .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(multiLine)))
        .isSameAs(multiLine);

    assertThat(atInfo.lines())
        .extracting(Line::message)
        .containsExactly(
            "Giving up on PaymentClient.charge after 1 attempt (max tries reached): "
                + "java.io.IOException: upstream failed [...] [policy payments]");
  }

  @Test
  void aRejectedValueIsNamedByItsTypeWithoutAThrowable() {
    RetryPolicy policy = policy("payments", 2).retryIfResult(value -> value == null).build();

    assertThatThrownBy(() -> Retrying.of(policy).call(Invocation.of(TARGET), () -> null))
        .isInstanceOf(RetriesExhaustedException.class);

    assertThat(atInfo.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.level()).isEqualTo("WARNING");
              assertThat(line.message())
                  .isEqualTo(
                      "Giving up on PaymentClient.charge after 2 attempts "
                          + "(max tries reached): rejected value (null) [policy payments]");
              assertThat(line.thrown()).isNull();
            });
  }

  @Test
  void theGiveUpLevelIsConfigurable() {
    RetryPolicy policy = policy("payments", 1).giveUpLogLevel(System.Logger.Level.ERROR).build();

    assertThatThrownBy(
            () -> Retrying.of(policy).call(FlakyTarget.alwaysFailing(new IOException("down"))))
        .isInstanceOf(IOException.class);

    assertThat(atInfo.lines()).extracting(Line::level).containsExactly("SEVERE");
  }

  @Test
  void giveUpLogLevelOffSilencesTheGiveUpLine() {
    RetryPolicy policy = policy("payments", 2).giveUpLogLevel(System.Logger.Level.OFF).build();

    try (CapturedLog all = CapturedLog.attach()) {
      assertThatThrownBy(
              () ->
                  Retrying.of(policy)
                      .call(
                          Invocation.of(TARGET),
                          FlakyTarget.alwaysFailing(new IOException("down"))))
          .isInstanceOf(IOException.class);

      assertThat(all.lines()).extracting(Line::level).containsExactly("FINE");
    }
  }

  @Test
  void bothLevelsOffMakeAFailingCallSilentEvenAtDebug() {
    RetryPolicy policy =
        policy("payments", 3)
            .backoffLogLevel(System.Logger.Level.OFF)
            .giveUpLogLevel(System.Logger.Level.OFF)
            .build();

    try (CapturedLog all = CapturedLog.attach()) {
      assertThatThrownBy(
              () -> Retrying.of(policy).call(FlakyTarget.alwaysFailing(new IOException("down"))))
          .isInstanceOf(IOException.class);

      assertThat(all.lines()).isEmpty();
    }
  }

  // --------------------------------------------------------------- answered give-ups

  @Test
  void aCallSavedByAFallbackIsLoggedAtDebugOnly() throws Exception {
    RetryPolicy policy = policy("payments", 2).fallback(giveUp -> "cached").build();

    try (CapturedLog all = CapturedLog.attach()) {
      String value =
          Retrying.of(policy)
              .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(new IOException("down")));

      assertThat(value).isEqualTo("cached");
      assertThat(all.lines())
          .extracting(Line::level, Line::message)
          .last()
          .isEqualTo(
              org.assertj.core.groups.Tuple.tuple(
                  "FINE",
                  "Falling back on PaymentClient.charge after "
                      + "2 attempts (max tries reached): java.io.IOException: down [policy payments]"));
      assertThat(all.lines()).extracting(Line::level).containsOnly("FINE");
    }
  }

  @Test
  void aCallReturningInsteadOfThrowingIsLoggedAtDebugOnly() throws Exception {
    RetryPolicy policy = policy("payments", 1).raiseOnGiveUp(false).build();

    try (CapturedLog all = CapturedLog.attach()) {
      Object value =
          Retrying.of(policy)
              .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(new IOException("down")));

      assertThat(value).isNull();
      assertThat(all.lines())
          .extracting(Line::level, Line::message)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "FINE",
                  "Giving up on PaymentClient.charge after "
                      + "1 attempt (max tries reached): java.io.IOException: down [policy payments]; "
                      + "returning null (raiseOnGiveUp false)"));
    }
  }

  @Test
  void answeredCallsLeaveNothingAtInfo() throws Exception {
    Retrying fallingBack = Retrying.of(policy("payments", 3).fallback(giveUp -> "cached").build());
    Retrying notRaising = Retrying.of(policy("payments", 3).raiseOnGiveUp(false).build());

    assertThat(fallingBack.call(FlakyTarget.alwaysFailing(new IOException("down"))))
        .isEqualTo("cached");
    assertThat(notRaising.call(FlakyTarget.alwaysFailing(new IOException("down")))).isNull();

    assertThat(atInfo.lines()).isEmpty();
  }

  @Test
  void anInterruptSkipsTheFallbackSoItsGiveUpIsAWarning() {
    RetryPolicy policy = policy("payments", 3).fallback(giveUp -> "cached").build();

    assertThatThrownBy(
            () ->
                Retrying.of(policy)
                    .call(
                        Invocation.of(TARGET),
                        FlakyTarget.alwaysFailing(new InterruptedException("shutting down"))))
        .isInstanceOf(InterruptedException.class);
    Thread.interrupted();

    assertThat(atInfo.lines())
        .extracting(Line::level, Line::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "WARNING",
                "Giving up on PaymentClient.charge after "
                    + "1 attempt (interrupted): java.lang.InterruptedException: shutting down "
                    + "[policy payments]"));
  }

  @Test
  void aGiveUpLevelBelowDebugAlsoAppliesToAnsweredCalls() throws Exception {
    RetryPolicy policy =
        policy("payments", 1)
            .fallback(giveUp -> "cached")
            .giveUpLogLevel(System.Logger.Level.TRACE)
            .build();

    try (CapturedLog all = CapturedLog.attach()) {
      Retrying.of(policy).call(FlakyTarget.alwaysFailing(new IOException("down")));

      assertThat(all.lines()).extracting(Line::level).containsExactly("FINER");
    }
  }

  // ------------------------------------------------------------------ open breaker

  @Test
  void aCallRejectedByAnOpenBreakerIsLoggedAtDebugOnlyAsCircuitOpen() {
    CircuitBreaker breaker = openBreaker();
    RetryPolicy policy = policy("payments", 3).circuitBreaker(breaker).build();

    try (CapturedLog all = CapturedLog.attach()) {
      assertThatThrownBy(() -> Retrying.of(policy).call(Invocation.of(TARGET), () -> "never runs"))
          .isInstanceOf(CircuitOpenException.class);

      assertThat(all.linesOf("io.backon.retry"))
          .singleElement()
          .satisfies(
              line -> {
                assertThat(line.level()).isEqualTo("FINE");
                assertThat(line.message())
                    .isEqualTo(
                        "Giving up on PaymentClient.charge at attempt 1 "
                            + "(circuit open): io.backon.breaker.CircuitOpenException: Circuit breaker 'payments' "
                            + "is OPEN; retry in 30s [policy payments]");
              });
    }
  }

  @Test
  void anOutageBehindAnOpenBreakerLogsOnlyTheTransitionAboveDebug() {
    CircuitBreaker breaker = openBreaker();
    Retrying propagating = Retrying.of(policy("payments", 3).circuitBreaker(breaker).build());
    Retrying fallingBack =
        Retrying.of(
            policy("payments", 3).circuitBreaker(breaker).fallback(giveUp -> "cached").build());

    for (int i = 0; i < 100; i++) {
      assertThatThrownBy(() -> propagating.call(() -> "never runs"))
          .isInstanceOf(CircuitOpenException.class);
      assertThat(catchValue(fallingBack)).isEqualTo("cached");
    }

    assertThat(atInfo.lines())
        .extracting(Line::logger, Line::level)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("io.backon.breaker", "WARNING"));
  }

  @Test
  void aBreakerRejectingTheLastRetryIsLoggedAtDebugWithTheLimitAndCircuitOpen() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("payments")
            .clock(clock)
            .failureThreshold(2)
            .recoveryTimeout(Duration.ofMinutes(1))
            .build();
    RetryPolicy policy =
        policy("payments", 3).circuitBreaker(breaker).retryOnCircuitOpen(true).build();

    try (CapturedLog all = CapturedLog.attach()) {
      assertThatThrownBy(
              () ->
                  Retrying.of(policy)
                      .call(
                          Invocation.of(TARGET),
                          FlakyTarget.alwaysFailing(new IOException("down"))))
          .isInstanceOf(CircuitOpenException.class);

      assertThat(all.linesOf("io.backon.retry"))
          .last()
          .satisfies(
              line -> {
                assertThat(line.level()).isEqualTo("FINE");
                assertThat(line.message())
                    .startsWith(
                        "Giving up on PaymentClient.charge at attempt 3 "
                            + "(max tries reached, circuit open): io.backon.breaker.CircuitOpenException: ");
              });
    }
  }

  // ------------------------------------------------------------------------------ helpers

  private CircuitBreaker openBreaker() {
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

  private static Object catchValue(Retrying retrying) {
    try {
      return retrying.call(() -> "never runs");
    } catch (Exception unexpected) {
      throw new AssertionError(unexpected);
    }
  }

  private RetryPolicyBuilder policy(String name, int maxTries) {
    return RetryPolicy.builder()
        .name(name)
        .maxTries(maxTries)
        .wait(Wait.constant(Duration.ofSeconds(1)))
        .jitter(Jitter.none())
        .sleeper(sleeper)
        .clock(clock);
  }
}

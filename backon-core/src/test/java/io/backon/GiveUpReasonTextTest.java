package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.CapturedLog.Line;
import io.backon.budget.RetryBudget;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each way a call gives up has its own reason text in its one WARNING line (no stack trace at
 * INFO), checked one by one on a real call that gives up for that reason. (A call rejected by an
 * open breaker says "circuit open", at DEBUG: {@link GiveUpLoggingTest}; the same lines in a Spring
 * Boot app's Logback output: {@code GiveUpReasonsInTheLogTest} of the sample app.)
 */
class GiveUpReasonTextTest {

  private static final String TARGET = "PaymentClient.charge";
  private static final IOException DOWN = new IOException("card service down");

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<RetryEvent> giveUps = new CopyOnWriteArrayList<>();

  /** What an operator sees with Backon's loggers at INFO (Spring Boot's default). */
  private final CapturedLog log = CapturedLog.attach("io.backon", Level.INFO);

  @AfterEach
  void detachLog() {
    log.close();
    Thread.interrupted();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(GiveUpReason.class)
  void theGiveUpLineSaysWhyTheCallEnded(GiveUpReason reason) {
    String expected =
        switch (reason) {
          case NOT_RETRYABLE ->
              "after 1 attempt (not retryable): java.lang.IllegalStateException: bug";
          case GIVE_UP_PREDICATE ->
              "after 1 attempt (giveUpIf matched): java.io.IOException: fatal";
          case MAX_TRIES -> "after 2 attempts (max tries reached): " + down();
          case MAX_TIME -> "after 3 attempts (max time reached): " + down();
          case STOP_CONDITION -> "after 2 attempts (stop condition met): " + down();
          case WAIT_EXHAUSTED -> "after 3 attempts (wait exhausted): " + down();
          case BUDGET_EXHAUSTED -> "after 1 attempt (budget exhausted): " + down();
          case DEADLINE_EXCEEDED -> "after 2 attempts (deadline exceeded): " + down();
          case REJECTED -> "after 1 attempt (executor rejected the next attempt): " + down();
          case POLICY_ERROR ->
              "after 1 attempt (a policy callback threw): java.lang.IllegalStateException: condition bug";
          case INTERRUPTED -> "after 1 attempt (interrupted): java.lang.InterruptedException: stop";
        };

    giveUpFor(reason);

    assertThat(giveUps).extracting(RetryEvent::giveUpReason).containsExactly(reason);
    assertThat(giveUps)
        .extracting(RetryEvent::giveUpDescription)
        .containsExactly(reason.description());
    assertThat(log.linesOf("io.backon.retry"))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.level()).isEqualTo("WARNING");
              assertThat(line.thrown()).as("no stack trace").isNull();
              assertThat(line.message())
                  .isEqualTo("Giving up on " + TARGET + " " + expected + " [policy payments]");
            });
  }

  @Test
  void noTwoReasonsShareATextAndNoneReadsLikeAnOutcome() {
    List<String> texts =
        EnumSet.allOf(GiveUpReason.class).stream().map(GiveUpReason::description).toList();

    assertThat(texts)
        .doesNotHaveDuplicates()
        .doesNotContain("circuit open")
        .noneMatch(text -> text.contains("rejected value"));
  }

  @Test
  void aGiveUpPredicateGivenAReasonIsNamedByItInTheLine() {
    fail(
        policy().giveUpIf(e -> "fatal".equals(e.getMessage()), " card declined for good "),
        new IOException("fatal"));

    assertThat(giveUps)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.giveUpReason()).isEqualTo(GiveUpReason.GIVE_UP_PREDICATE);
              assertThat(event.giveUpDescription()).isEqualTo("card declined for good");
              assertThat(event.toString()).contains("reason=card declined for good");
            });
    assertThat(log.linesOf("io.backon.retry"))
        .extracting(Line::message)
        .containsExactly(
            "Giving up on PaymentClient.charge after 1 attempt (card declined for good): "
                + "java.io.IOException: fatal [policy payments]");
  }

  @Test
  void aGiveUpPredicateWithoutAReasonTakesBackTheDefaultText() {
    RetryPolicy policy =
        policy()
            .giveUpIf(e -> true, "first reason")
            .giveUpIf(e -> "fatal".equals(e.getMessage()))
            .build();

    assertThat(policy.giveUpIfReason()).isEqualTo("giveUpIf matched");
  }

  @Test
  void aGiveUpReasonMustBeOneLineOfText() {
    assertThatThrownBy(() -> policy().giveUpIf(e -> true, "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("giveUpIf reason");
    assertThatThrownBy(() -> policy().giveUpIf(e -> true, "two\nlines"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("single line");
  }

  @Test
  void aDeadlineCuttingTheOnlyAttemptNamesNoOutcome() {
    RetryPolicy policy = policy().deadline(Duration.ofMillis(250)).build();

    Throwable thrown =
        catchThrowable(
            () ->
                Retrying.of(policy)
                    .call(
                        Invocation.of(TARGET),
                        () -> {
                          for (int tick = 0; tick < 500; tick++) {
                            clock.advance(Duration.ofMillis(10));
                            if (Thread.interrupted()) {
                              throw new InterruptedException("cut by the deadline");
                            }
                          }
                          return "too late";
                        }));

    assertThat(thrown).isInstanceOf(DeadlineExceededException.class);
    assertThat(log.linesOf("io.backon.retry"))
        .extracting(Line::message)
        .containsExactly(
            "Giving up on PaymentClient.charge after 1 attempt (deadline exceeded) [policy payments]");
  }

  private void giveUpFor(GiveUpReason reason) {
    switch (reason) {
      case NOT_RETRYABLE ->
          fail(policy().retryOn(IOException.class), new IllegalStateException("bug"));
      case GIVE_UP_PREDICATE ->
          fail(policy().giveUpIf(e -> "fatal".equals(e.getMessage())), new IOException("fatal"));
      case MAX_TRIES -> fail(policy().maxTries(2), DOWN);
      case MAX_TIME -> fail(policy().maxTime(Duration.ofMillis(1_500)), DOWN);
      case STOP_CONDITION -> fail(policy().stop(state -> state.attemptNumber() >= 2), DOWN);
      case WAIT_EXHAUSTED ->
          fail(policy().wait(Wait.constant(Duration.ofSeconds(1), Duration.ofSeconds(2))), DOWN);
      case BUDGET_EXHAUSTED ->
          fail(
              policy().retryBudget(RetryBudget.builder().name("payments").maxTokens(1).build()),
              DOWN);
      case DEADLINE_EXCEEDED -> fail(policy().deadline(Duration.ofMillis(1_500)), DOWN);
      case REJECTED -> {
        RetryPolicy policy =
            policy()
                .executor(
                    task -> {
                      throw new RejectedExecutionException("executor shut down");
                    })
                .build();
        CompletableFuture<String> call =
            Retrying.of(policy)
                .callAsync(Invocation.of(TARGET), () -> CompletableFuture.failedFuture(DOWN));
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(call).isCompletedExceptionally();
      }
      case POLICY_ERROR ->
          fail(
              policy()
                  .retryIfException(
                      e -> {
                        throw new IllegalStateException("condition bug");
                      }),
              DOWN);
      case INTERRUPTED -> fail(policy(), new InterruptedException("stop"));
    }
  }

  private void fail(RetryPolicyBuilder policy, Exception failure) {
    assertThat(
            catchThrowable(
                () ->
                    Retrying.of(policy.build())
                        .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(failure))))
        .isNotNull();
  }

  private static String down() {
    return DOWN.getClass().getName() + ": " + DOWN.getMessage();
  }

  private RetryPolicyBuilder policy() {
    return RetryPolicy.builder()
        .name("payments")
        .maxTries(10)
        .wait(Wait.constant(Duration.ofSeconds(1)))
        .jitter(Jitter.none())
        .clock(clock)
        .sleeper(new ManualSleeper(clock))
        .scheduler(scheduler)
        .onGiveUp(giveUps::add);
  }
}

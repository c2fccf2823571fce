package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.Backon;
import io.backon.RetriesExhaustedException;
import io.backon.spring.boot.autoconfigure.CapturedLogback.Line;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Why a {@code @Backon} call gave up, as a Spring Boot app's log says it with Logback at Boot's
 * default levels: for each reason, one WARN line without a stack trace naming the target, the
 * attempts, the reason, the failure's class with the first line of its message (at most 120
 * characters, never a body) and the policy, the same for a blocking method, a future and a {@code
 * Mono}. A call its caller cancels leaves no line.
 */
@SpringBootTest(
    classes = GiveUpReasonLinesTest.App.class,
    properties = {
      "backon.defaults.wait=none",
      "backon.defaults.max-tries=3",
      "backon.policies.exhausted.retry-on=java.io.IOException",
      "backon.policies.strict.retry-on=java.io.IOException",
      "backon.policies.budgeted.budget=thin",
      "backon.budgets.thin.max-tokens=2",
      "backon.policies.judged.retry-if=#result.startsWith('busy')",
      "backon.policies.picky.retry-on=java.io.IOException",
      "backon.policies.deadline.deadline=200ms"
    })
class GiveUpReasonLinesTest {

  private static final String UNAVAILABLE = "503 Service Unavailable: \"{\"card\":\"4111\"}\"";

  @Autowired LoggingSystem logging;
  @Autowired Downstream downstream;

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
  void triesRunningOut() {
    assertThat(giveUpLinesOfEachFace(exhausted(), failing(UNAVAILABLE)))
        .hasSize(3)
        .containsOnly(
            warn(
                "Giving up on Downstream.exhausted(Callable) after 3 attempts (max tries reached): "
                    + "java.io.IOException: 503 Service Unavailable [...] [policy exhausted]"));
  }

  @Test
  void aFailureThePolicyDoesNotRetry() {
    Callable<String> badRequest =
        () -> {
          throw new IllegalArgumentException("unknown account 42");
        };

    assertThat(giveUpLinesOfEachFace(strict(), badRequest))
        .hasSize(3)
        .containsOnly(
            warn(
                "Giving up on Downstream.strict(Callable) after 1 attempt (not retryable): "
                    + "java.lang.IllegalArgumentException: unknown account 42 [policy strict]"));
  }

  @Test
  void anEmptiedRetryBudget() {
    assertThat(giveUpLinesOfEachFace(budgeted(), failing(UNAVAILABLE)))
        .hasSize(3)
        .containsOnly(
            warn(
                "Giving up on Downstream.budgeted(Callable) after 1 attempt (budget exhausted): "
                    + "java.io.IOException: 503 Service Unavailable [...] [policy budgeted]"));
  }

  @Test
  void aResultTheRetryConditionRejectsIsNamedByItsTypeNotItsValue() {
    Callable<String> busy = () -> "busy: {\"card\":\"4111\"}";

    assertThat(giveUpLinesOfEachFace(judged(), busy))
        .hasSize(3)
        .containsOnly(
            warn(
                "Giving up on Downstream.judged(Callable) after 3 attempts (max tries reached): "
                    + "rejected value (String) [policy judged]"));
    assertThat(catchThrowable(() -> downstream.judged(busy)))
        .as("what the caller gets, and logs")
        .isInstanceOf(RetriesExhaustedException.class)
        .hasMessageEndingWith("(max tries reached); last value of type String");
  }

  @Test
  void aGiveUpPredicateSaysItsOwnReason() {
    assertThat(giveUpLinesOfEachFace(picky(), failing("account 42 is closed")))
        .hasSize(3)
        .containsOnly(
            warn(
                "Giving up on Downstream.picky(Callable) after 1 attempt (account closed): "
                    + "java.io.IOException: account 42 is closed [policy picky]"));
  }

  @Test
  void aDeadlineCuttingASlowAttemptNamesNoOutcomeOfIt() {
    catchThrowable(() -> downstream.slow());
    catchThrowable(() -> downstream.slowLater().join());
    catchThrowable(() -> downstream.slowMono().block());

    assertThat(faceNeutral(log.backonLines()))
        .hasSize(3)
        .containsOnly(
            warn(
                "Giving up on Downstream.slow() after 1 attempt (deadline exceeded) "
                    + "[policy deadline]"));
  }

  @Test
  void aLongMessageIsCutAt120Characters() {
    String x120 = "x".repeat(120);

    assertThat(giveUpLinesOfEachFace(exhausted(), failing("x".repeat(2048))))
        .hasSize(3)
        .containsOnly(
            warn(
                "Giving up on Downstream.exhausted(Callable) after 3 attempts (max tries reached): "
                    + "java.io.IOException: "
                    + x120
                    + " [...] [policy exhausted]"));
  }

  @Test
  void aMultiLineMessageKeepsItsFirstLine() {
    Callable<String> multiLine = failing("upstream failed\n{\"card\":\"4111\"}\nat line 3");

    assertThat(giveUpLinesOfEachFace(exhausted(), multiLine))
        .hasSize(3)
        .containsOnly(
            warn(
                "Giving up on Downstream.exhausted(Callable) after 3 attempts (max tries reached): "
                    + "java.io.IOException: upstream failed [...] [policy exhausted]"));
  }

  @Test
  void aCallItsCallerCancelsLeavesNoLine() {
    CompletableFuture<String> future = downstream.pendingLater();
    Disposable subscription = downstream.pendingMono().subscribe();

    assertThat(future.cancel(true)).isTrue();
    subscription.dispose();

    assertThat(log.backonLines()).isEmpty();
  }

  private Faces exhausted() {
    return new Faces(downstream::exhausted, downstream::exhaustedLater, downstream::exhaustedMono);
  }

  private Faces strict() {
    return new Faces(downstream::strict, downstream::strictLater, downstream::strictMono);
  }

  private Faces budgeted() {
    return new Faces(downstream::budgeted, downstream::budgetedLater, downstream::budgetedMono);
  }

  private Faces judged() {
    return new Faces(downstream::judged, downstream::judgedLater, downstream::judgedMono);
  }

  private Faces picky() {
    return new Faces(downstream::picky, downstream::pickyLater, downstream::pickyMono);
  }

  /** The lines of one call through each face of {@code faces}, their target names made equal. */
  private List<Line> giveUpLinesOfEachFace(Faces faces, Callable<String> work) {
    catchThrowable(() -> faces.blocking().call(work));
    catchThrowable(() -> faces.future().apply(work).join());
    catchThrowable(() -> faces.mono().apply(work).block());
    return faceNeutral(log.backonLines());
  }

  /** The lines with {@code xLater(} and {@code xMono(} read as {@code x(}. */
  private static List<Line> faceNeutral(List<Line> lines) {
    return lines.stream()
        .map(
            line ->
                new Line(
                    line.logger(),
                    line.level(),
                    line.message().replaceFirst("(Later|Mono)\\(", "("),
                    line.stackTraceOf()))
        .toList();
  }

  private static Line warn(String message) {
    return new Line("io.backon.retry", "WARN", message, null);
  }

  private static Callable<String> failing(String message) {
    return () -> {
      throw new IOException(message);
    };
  }

  /** The same policy on a blocking method, a future and a Mono. */
  record Faces(
      Blocking blocking,
      Function<Callable<String>, CompletableFuture<String>> future,
      Function<Callable<String>, Mono<String>> mono) {}

  /** A blocking {@code @Backon} method running the work it is given. */
  interface Blocking {
    String call(Callable<String> work) throws Exception;
  }

  /** The user's application. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    @Bean
    Downstream downstream() {
      return new Downstream();
    }

    @Bean
    BackonPolicyCustomizer givingUpOnClosedAccounts() {
      return (name, builder) -> {
        if (name.equals("picky")) {
          builder.giveUpIf(
              failure -> String.valueOf(failure.getMessage()).contains("closed"), "account closed");
        }
      };
    }
  }

  /** A client of a downstream: each method runs the work it is given through its policy. */
  static class Downstream {

    @Backon("exhausted")
    public String exhausted(Callable<String> work) throws Exception {
      return work.call();
    }

    @Backon("exhausted")
    public CompletableFuture<String> exhaustedLater(Callable<String> work) {
      return future(work);
    }

    @Backon("exhausted")
    public Mono<String> exhaustedMono(Callable<String> work) {
      return Mono.fromCallable(work);
    }

    @Backon("strict")
    public String strict(Callable<String> work) throws Exception {
      return work.call();
    }

    @Backon("strict")
    public CompletableFuture<String> strictLater(Callable<String> work) {
      return future(work);
    }

    @Backon("strict")
    public Mono<String> strictMono(Callable<String> work) {
      return Mono.fromCallable(work);
    }

    @Backon("budgeted")
    public String budgeted(Callable<String> work) throws Exception {
      return work.call();
    }

    @Backon("budgeted")
    public CompletableFuture<String> budgetedLater(Callable<String> work) {
      return future(work);
    }

    @Backon("budgeted")
    public Mono<String> budgetedMono(Callable<String> work) {
      return Mono.fromCallable(work);
    }

    @Backon("judged")
    public String judged(Callable<String> work) throws Exception {
      return work.call();
    }

    @Backon("judged")
    public CompletableFuture<String> judgedLater(Callable<String> work) {
      return future(work);
    }

    @Backon("judged")
    public Mono<String> judgedMono(Callable<String> work) {
      return Mono.fromCallable(work);
    }

    @Backon("picky")
    public String picky(Callable<String> work) throws Exception {
      return work.call();
    }

    @Backon("picky")
    public CompletableFuture<String> pickyLater(Callable<String> work) {
      return future(work);
    }

    @Backon("picky")
    public Mono<String> pickyMono(Callable<String> work) {
      return Mono.fromCallable(work);
    }

    @Backon("deadline")
    public String slow() throws InterruptedException {
      Thread.sleep(60_000);
      return "too late";
    }

    @Backon("deadline")
    public CompletableFuture<String> slowLater() {
      return new CompletableFuture<>();
    }

    @Backon("deadline")
    public Mono<String> slowMono() {
      return Mono.never();
    }

    @Backon("exhausted")
    public CompletableFuture<String> pendingLater() {
      return new CompletableFuture<>();
    }

    @Backon("exhausted")
    public Mono<String> pendingMono() {
      return Mono.never();
    }

    private static CompletableFuture<String> future(Callable<String> work) {
      try {
        return CompletableFuture.completedFuture(work.call());
      } catch (Exception failure) {
        return CompletableFuture.failedFuture(failure);
      }
    }
  }
}

package io.backon.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import brave.handler.MutableSpan;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What an operator reads on the console of a service traced by Brave, in Spring Boot's default
 * Logback pattern ({@code [traceId-spanId]}): the target's own log lines carry its attempt's span,
 * and the one WARN line of a give-up carries the caller's trace, whichever face and thread ended
 * the call.
 */
@BraveAppTest
@ExtendWith(OutputCaptureExtension.class)
class GiveUpLogWithBraveTest {

  @Autowired Payments payments;
  @Autowired ObservationRegistry observations;
  @Autowired FinishedSpans spans;

  @BeforeEach
  void failEveryAttempt() {
    spans.reset();
    payments.failFirst(Integer.MAX_VALUE);
  }

  @Test
  void theTargetsLogLinesCarryTheTraceAndTheSpanOfTheirAttempt(CapturedOutput output) {
    payments.failFirst(1);

    Observation.createNotStarted("checkout", observations).observe(this::charge);

    String trace = spans.one("checkout").traceId();
    List<MutableSpan> attempts = spans.named("backon payments attempt");
    assertThat(output.getOut().lines().filter(line -> line.endsWith(": Charging the card")))
        .hasSize(2)
        .satisfiesExactly(
            first -> assertThat(first).contains("[" + trace + "-" + attempts.get(0).id() + "]"),
            second -> assertThat(second).contains("[" + trace + "-" + attempts.get(1).id() + "]"));
  }

  @Test
  void aBlockingGiveUpIsOneWarnLineInTheCallersTrace(CapturedOutput output) {
    Observation checkout = Observation.start("checkout", observations);
    try (Observation.Scope scope = checkout.openScope()) {
      assertThatThrownBy(payments::charge).isInstanceOf(IOException.class);
    }
    checkout.stop();

    assertOneWarnLine(
        output,
        "[" + spans.one("checkout").traceId() + "-",
        "Giving up on Payments.charge() after 3 attempts");
  }

  @Test
  void aFutureGiveUpArrivingOnAnotherThreadIsLoggedInTheCallersTrace(CapturedOutput output) {
    Observation checkout = Observation.start("checkout", observations);
    try (Observation.Scope scope = checkout.openScope()) {
      assertThatThrownBy(() -> payments.chargeLater().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IOException.class);
    }
    checkout.stop();

    assertOneWarnLine(
        output,
        "[" + spans.one("checkout").traceId() + "-",
        "Giving up on Payments.chargeLater() after 3 attempts");
  }

  @Test
  void aMonoGiveUpIsLoggedInTheTraceOfTheRequestInItsContext(CapturedOutput output) {
    Observation request = Observation.start("http.server.requests", observations);
    assertThatThrownBy(
            () ->
                payments
                    .chargeReactive()
                    .contextWrite(
                        context -> context.put(ObservationThreadLocalAccessor.KEY, request))
                    .block(Duration.ofSeconds(10)))
        .hasCauseInstanceOf(IOException.class);
    request.stop();

    assertOneWarnLine(
        output,
        "[" + spans.one("http.server.requests").traceId() + "-",
        "Giving up on Payments.chargeReactive() after 3 attempts");
  }

  @Test
  void aBlockingGiveUpWithoutACallerIsLoggedInTheTraceOfItsCallSpan(CapturedOutput output) {
    assertThatThrownBy(payments::charge).isInstanceOf(IOException.class);

    assertOneWarnLine(output, callSpan(), "Giving up on Payments.charge() after 3 attempts");
  }

  @Test
  void aFutureGiveUpWithoutACallerIsLoggedInTheTraceOfItsCallSpan(CapturedOutput output) {
    assertThatThrownBy(() -> payments.chargeLater().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);

    assertOneWarnLine(output, callSpan(), "Giving up on Payments.chargeLater() after 3 attempts");
  }

  @Test
  void aMonoGiveUpWithoutACallerIsLoggedInTheTraceOfItsCallSpan(CapturedOutput output) {
    assertThatThrownBy(() -> payments.chargeReactive().block(Duration.ofSeconds(10)))
        .hasCauseInstanceOf(IOException.class);

    assertOneWarnLine(
        output, callSpan(), "Giving up on Payments.chargeReactive() after 3 attempts");
  }

  /**
   * {@code [traceId-spanId]} of the one call span of the test, the root of its trace: what an
   * operator looks up in Zipkin.
   */
  private String callSpan() {
    await().atMost(Duration.ofSeconds(10)).until(() -> !spans.named("backon payments").isEmpty());
    MutableSpan call = spans.one("backon payments");
    assertThat(call.parentId()).as("a root span").isNull();
    return "[" + call.traceId() + "-" + call.id() + "]";
  }

  private String charge() {
    try {
      return payments.charge();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Backon logged one line: a WARN in the trace {@code marker} shows, saying {@code text}. */
  private static void assertOneWarnLine(CapturedOutput output, String marker, String text) {
    assertThat(backonLines(output))
        .singleElement()
        .satisfies(line -> assertThat(line).contains(" WARN ").contains(marker).contains(text));
  }

  private static List<String> backonLines(CapturedOutput output) {
    return output.getOut().lines().filter(line -> line.contains(" io.backon.")).toList();
  }
}

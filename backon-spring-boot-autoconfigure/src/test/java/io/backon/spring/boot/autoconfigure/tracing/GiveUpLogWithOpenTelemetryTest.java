package io.backon.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What an operator reads on the console of a traced service, in Spring Boot's default Logback
 * pattern: one WARN line per give-up whose failure reaches the caller, in the caller's trace (the
 * pattern's {@code [traceId-spanId]}), whichever face and thread ended the call; no stack trace and
 * no response body; at DEBUG each back-off, its wait written like {@code 20ms}.
 */
@TracedAppTest
@ExtendWith(OutputCaptureExtension.class)
class GiveUpLogWithOpenTelemetryTest {

  private static final String RETRY_LOGGER = "io.backon.retry";

  @Autowired Payments payments;
  @Autowired ObservationRegistry observations;
  @Autowired InMemorySpanExporter exporter;
  @Autowired SdkTracerProvider tracerProvider;
  @Autowired LoggingSystem logging;

  private ExportedSpans spans;

  @BeforeEach
  void failEveryAttempt() {
    spans = new ExportedSpans(exporter, tracerProvider);
    spans.reset();
    payments.failFirst(Integer.MAX_VALUE);
  }

  @AfterEach
  void restoreTheRetryLoggerLevel() {
    logging.setLogLevel(RETRY_LOGGER, null);
  }

  @Test
  void aBlockingGiveUpIsOneWarnLineInTheCallersTrace(CapturedOutput output) {
    Observation checkout = Observation.start("checkout", observations);
    try (Observation.Scope scope = checkout.openScope()) {
      assertThatThrownBy(payments::charge).isInstanceOf(IOException.class);
    }
    checkout.stop();

    assertThat(backonLines(output))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains(" WARN ")
                    .contains("[" + traceOf("checkout") + "-")
                    .contains(
                        " io.backon.retry ",
                        "Giving up on Payments.charge() after 3 attempts (max tries reached): "
                            + "java.io.IOException: 503 Service Unavailable [...] "
                            + "[policy payments]"));
    assertThat(output.getOut()).doesNotContain("BODY-MARKER").doesNotContain("\tat ");
  }

  @Test
  void aFutureGiveUpArrivingOnAnotherThreadIsLoggedInTheCallersTrace(CapturedOutput output)
      throws Exception {
    Observation checkout = Observation.start("checkout", observations);
    try (Observation.Scope scope = checkout.openScope()) {
      assertThatThrownBy(() -> payments.chargeLater().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IOException.class);
    }
    checkout.stop();

    assertThat(backonLines(output))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains(" WARN ")
                    .contains("[" + traceOf("checkout") + "-")
                    .contains("Giving up on Payments.chargeLater() after 3 attempts"));
    assertThat(output.getOut()).doesNotContain("BODY-MARKER").doesNotContain("\tat ");
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

    assertThat(backonLines(output))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains(" WARN ")
                    .contains("[" + traceOf("http.server.requests") + "-")
                    .contains("Giving up on Payments.chargeReactive() after 3 attempts"));
  }

  @Test
  void atDebugEachBackOffIsALineInTheCallersTraceWithItsWait(CapturedOutput output) {
    logging.setLogLevel(RETRY_LOGGER, LogLevel.DEBUG);
    payments.failFirst(1);

    Observation checkout = Observation.start("checkout", observations);
    try (Observation.Scope scope = checkout.openScope()) {
      assertThat(charge()).isEqualTo("charged");
    }
    checkout.stop();

    assertThat(backonLines(output))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("DEBUG ")
                    .contains("[" + traceOf("checkout") + "-")
                    .contains(
                        "Retrying Payments.charge() in 20ms after attempt 1 failed with "
                            + "java.io.IOException: 503 Service Unavailable [...] "
                            + "[policy payments]"));
    assertThat(output.getOut()).doesNotContain("BODY-MARKER");
  }

  private String charge() {
    try {
      return payments.charge();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private String traceOf(String spanName) {
    return spans.one(spanName).getTraceId();
  }

  private static List<String> backonLines(CapturedOutput output) {
    return output.getOut().lines().filter(line -> line.contains(" io.backon.")).toList();
  }
}

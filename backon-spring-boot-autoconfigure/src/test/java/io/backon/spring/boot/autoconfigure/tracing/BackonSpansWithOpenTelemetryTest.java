package io.backon.spring.boot.autoconfigure.tracing;

import static io.backon.spring.boot.autoconfigure.tracing.ExportedSpans.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With Micrometer Tracing's OpenTelemetry bridge, each {@code @Backon} call is a span {@code backon
 * <policy>} under the span current when it starts, with a child span {@code backon <policy>
 * attempt} per attempt (the copies of a hedged attempt share its span), tagged as the README's
 * observation table says; the attempt's span is current wherever the attempt's code runs, also
 * after a back-off on another thread; failed attempts and failed calls are errors.
 */
@TracedAppTest
class BackonSpansWithOpenTelemetryTest {

  private static final String CALL = "backon payments";
  private static final String ATTEMPT = "backon payments attempt";

  @Autowired Payments payments;
  @Autowired ObservationRegistry observations;
  @Autowired InMemorySpanExporter exporter;
  @Autowired SdkTracerProvider tracerProvider;

  private ExportedSpans spans;

  @BeforeEach
  void forgetEarlierSpans() {
    spans = new ExportedSpans(exporter, tracerProvider);
    spans.reset();
  }

  @Test
  void aBlockingCallIsASpanUnderTheCallersWithAChildSpanPerAttempt() {
    payments.failFirst(1);

    String result =
        Observation.createNotStarted("checkout", observations).observe(() -> charge(payments));

    assertThat(result).isEqualTo("charged");
    SpanData call = spans.one(CALL);
    assertThat(call.getParentSpanId()).isEqualTo(spans.one("checkout").getSpanId());
    List<SpanData> attempts = spans.childrenOf(call);
    assertThat(attempts).extracting(SpanData::getName).containsExactly(ATTEMPT, ATTEMPT);
    assertThat(payments.spansOfAttempts())
        .as("the span current in each attempt's code")
        .containsExactly(attempts.get(0).getSpanId(), attempts.get(1).getSpanId());
  }

  @Test
  void theCallSpanCarriesThePolicyTargetOutcomeAndAttempts() {
    payments.failFirst(1);

    charge(payments);

    SpanData call = spans.one(CALL);
    assertThat(attribute(call, "backon.policy")).isEqualTo("payments");
    assertThat(attribute(call, "outcome")).isEqualTo("success_with_retry");
    assertThat(attribute(call, "exception")).isEqualTo("none");
    assertThat(attribute(call, "backon.target")).isEqualTo("Payments.charge()");
    assertThat(attribute(call, "backon.attempts")).isEqualTo("2");
    assertThat(call.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
  }

  @Test
  void eachAttemptSpanCarriesItsNumberAndOutcomeAndAFailedOneIsAnError() {
    payments.failFirst(1);

    charge(payments);

    List<SpanData> attempts = spans.named(ATTEMPT);
    assertThat(attempts).hasSize(2);
    SpanData failed = attempts.get(0);
    SpanData succeeded = attempts.get(1);
    assertThat(attribute(failed, "backon.attempt")).isEqualTo("1");
    assertThat(attribute(failed, "outcome")).isEqualTo("failure");
    assertThat(attribute(failed, "exception")).isEqualTo("IOException");
    assertThat(attribute(failed, "backon.policy")).isEqualTo("payments");
    assertThat(attribute(failed, "backon.target")).isEqualTo("Payments.charge()");
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attribute(succeeded, "backon.attempt")).isEqualTo("2");
    assertThat(attribute(succeeded, "outcome")).isEqualTo("success");
    assertThat(attribute(succeeded, "exception")).isEqualTo("none");
    assertThat(succeeded.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
  }

  @Test
  void theSpansCarryNoEventsBeyondTheRecordedFailure() {
    payments.failFirst(1);

    charge(payments);

    assertThat(spans.one(CALL).getEvents()).isEmpty();
    List<SpanData> attempts = spans.named(ATTEMPT);
    assertThat(attempts.get(0).getEvents())
        .extracting(EventData::getName)
        .containsExactly("exception");
    assertThat(attempts.get(1).getEvents()).isEmpty();
  }

  @Test
  void aGiveUpMakesTheCallSpanAnErrorWithTheLastFailure() {
    payments.failFirst(3);

    assertThatThrownBy(payments::charge).isInstanceOf(IOException.class);

    SpanData call = spans.one(CALL);
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attribute(call, "outcome")).isEqualTo("failure_with_retry");
    assertThat(attribute(call, "exception")).isEqualTo("IOException");
    assertThat(attribute(call, "backon.attempts")).isEqualTo("3");
    assertThat(spans.childrenOf(call))
        .hasSize(3)
        .allSatisfy(
            attempt -> assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
  }

  @Test
  void aFutureCallsRetryRunsInItsAttemptsSpanAfterTheBackOffOnAnotherThread() throws Exception {
    payments.failFirst(1);

    Observation checkout = Observation.start("checkout", observations);
    CompletableFuture<String> future;
    try (Observation.Scope scope = checkout.openScope()) {
      future = payments.chargeLater();
    }

    assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo("charged");
    checkout.stop();
    SpanData call = spans.one(CALL);
    assertThat(call.getParentSpanId()).isEqualTo(spans.one("checkout").getSpanId());
    assertThat(attribute(call, "backon.target")).isEqualTo("Payments.chargeLater()");
    List<SpanData> attempts = spans.childrenOf(call);
    assertThat(attempts).extracting(SpanData::getName).containsExactly(ATTEMPT, ATTEMPT);
    assertThat(payments.spansOfAttempts())
        .containsExactly(attempts.get(0).getSpanId(), attempts.get(1).getSpanId());
  }

  @Test
  void aMonoCallIsASpanUnderTheObservationOfItsSubscribersContext() {
    payments.failFirst(1);

    Observation request = Observation.start("http.server.requests", observations);
    String result =
        payments
            .chargeReactive()
            .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request))
            .block(Duration.ofSeconds(10));
    request.stop();

    assertThat(result).isEqualTo("charged");
    SpanData call = spans.one(CALL);
    assertThat(call.getParentSpanId()).isEqualTo(spans.one("http.server.requests").getSpanId());
    assertThat(attribute(call, "outcome")).isEqualTo("success_with_retry");
    assertThat(spans.childrenOf(call))
        .extracting(SpanData::getName)
        .containsExactly(ATTEMPT, ATTEMPT);
  }

  @Test
  void aHedgedAttemptIsOneSpanEveryCopyRunsInAndItTellsHowTheRaceEnded() {
    payments.failFirst(0);

    String quote =
        Observation.createNotStarted("checkout", observations).observe(() -> quote(payments));

    assertThat(quote).isEqualTo("quote");
    SpanData call = spans.one("backon quotes");
    SpanData attempt = spans.one("backon quotes attempt");
    assertThat(attempt.getParentSpanId()).isEqualTo(call.getSpanId());
    assertThat(attribute(attempt, "backon.hedge")).isEqualTo("hedge_won");
    assertThat(attribute(attempt, "outcome")).isEqualTo("success");
    assertThat(payments.spansOfAttempts())
        .as("the span current in the code of the first copy and of its hedge")
        .containsExactly(attempt.getSpanId(), attempt.getSpanId());
  }

  private static String quote(Payments payments) {
    try {
      return payments.quote();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static String charge(Payments payments) {
    try {
      return payments.charge();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

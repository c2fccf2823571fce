package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The outage of {@link OutageMetersTest} with tracing on, as with Micrometer Tracing's
 * OpenTelemetry bridge in production (Spring Boot's auto-configuration, every trace sampled, spans
 * exported to memory): each call is a span under the HTTP request's, with a child span per attempt
 * (Backon observes calls because a tracing handler consumes them), and the meters are still exactly
 * the documented ones: the timers Spring Boot's meter handler would make from the observations are
 * denied. Its own application context: the shared one runs without tracing.
 */
@TestPropertySource(
    properties = {"spring.autoconfigure.exclude=", "management.tracing.sampling.probability=1.0"})
@Import(TracedOutageTest.InMemorySpans.class)
class TracedOutageTest extends OutageMetersTest {

  private static final AttributeKey<String> ATTEMPTS = AttributeKey.stringKey("backon.attempts");
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
  private static final AttributeKey<String> HEDGE = AttributeKey.stringKey("backon.hedge");
  private static final String REQUEST_SPAN = "http get /scenarios/{name}";

  @Autowired InMemorySpanExporter exporter;

  @Autowired SdkTracerProvider tracerProvider;

  @BeforeEach
  void forgetTheSpansOfEarlierTests() {
    spans();
    exporter.reset();
  }

  @Test
  void eachCallOfTheOutageIsASpanUnderItsRequestWithAChildSpanPerAttempt() {
    driveAnOutageAndItsEnd("traced");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                spans().stream().filter(span -> span.getName().equals(REQUEST_SPAN)).count() == 12);
    List<SpanData> spans = spans();
    Map<String, SpanData> byId =
        spans.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
    List<SpanData> calls =
        spans.stream().filter(span -> span.getName().matches("backon [a-z-]+")).toList();
    List<SpanData> attempts =
        spans.stream().filter(span -> span.getName().matches("backon [a-z-]+ attempt")).toList();

    assertThat(calls)
        .extracting(SpanData::getName)
        .containsOnly(
            "backon downstream-retry", "backon downstream-hedged", "backon downstream-breaker")
        .filteredOn(name -> name.equals("backon downstream-breaker"))
        .hasSize(6);
    assertThat(calls)
        .hasSize(12)
        .allSatisfy(
            call -> {
              assertThat(byId.get(call.getParentSpanId()))
                  .as("the request of %s", call)
                  .isNotNull()
                  .extracting(SpanData::getName)
                  .isEqualTo(REQUEST_SPAN);
              assertThat(
                      attempts.stream().filter(a -> a.getParentSpanId().equals(call.getSpanId())))
                  .as("the attempts of %s", call)
                  .hasSize(Integer.parseInt(call.getAttributes().get(ATTEMPTS)))
                  .allSatisfy(
                      attempt ->
                          assertThat(attempt.getName()).isEqualTo(call.getName() + " attempt"));
            });
    // retry 2 × 4, fallback 2 × 3, hedged 2 × 2, breaker 3 + 3 + 3 × 1, trial 1
    assertThat(attempts).hasSize(28);
  }

  @Test
  void failedAttemptsAreErrorsAndACallSavedByItsFallbackIsNot() {
    driveAnOutageAndItsEnd("traced");

    List<SpanData> spans = spans();
    assertThat(spans)
        .filteredOn(span -> span.getName().endsWith(" attempt"))
        .filteredOn(span -> !"success".equals(span.getAttributes().get(OUTCOME)))
        .isNotEmpty()
        .allSatisfy(
            attempt -> assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
    assertThat(spans)
        .filteredOn(span -> "fallback".equals(span.getAttributes().get(OUTCOME)))
        .hasSize(2)
        .allSatisfy(
            call -> assertThat(call.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR));
    assertThat(spans)
        .filteredOn(span -> "circuit_open".equals(span.getAttributes().get(OUTCOME)))
        .as("an attempt the open breaker rejected")
        .hasSize(4);
    assertThat(spans)
        .filteredOn(span -> span.getName().equals("backon downstream-hedged attempt"))
        .hasSize(4)
        .extracting(span -> span.getAttributes().get(HEDGE))
        .containsOnly("all_failed");
  }

  /** The spans ended so far, after a flush of the batch processor. */
  private List<SpanData> spans() {
    assertThat(tracerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    return exporter.getFinishedSpanItems();
  }

  /** An exporter keeping the spans in memory, which Spring Boot adds to its span processor. */
  @TestConfiguration(proxyBeanMethods = false)
  static class InMemorySpans {

    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }
  }
}

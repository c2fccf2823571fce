package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Backon;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A {@code @Backon} method returning the {@code Mono} of a {@code WebClient} exchange, in a Spring
 * Boot app with a tracing bridge and Boot's default ({@code limited}) Reactor context propagation,
 * called as a WebFlux handler calls it: the request's observation is in the Reactor {@code
 * Context}, not on the thread. The trace is one tree: the request, under it the Backon call, under
 * the call one span per attempt, and under each attempt the request it sent.
 */
@SpringBootTest(
    classes = TracedWebClientInsideBackonMonoTest.App.class,
    properties = {
      "backon.defaults.wait=expo",
      "backon.defaults.delay=5ms",
      "backon.defaults.max-delay=20ms",
      "backon.defaults.jitter=full",
      "backon.policies.quotes.max-tries=3",
      "backon.policies.quotes.retry-on="
          + "org.springframework.web.reactive.function.client.WebClientResponseException"
    })
class TracedWebClientInsideBackonMonoTest {

  private static final LoopbackServer server = LoopbackServer.start();

  @Autowired Quotes quotes;
  @Autowired SimpleTracer tracer;
  @Autowired ObservationRegistry observations;

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void theCallNestsUnderTheRequestAndEachSentRequestUnderItsAttempt() {
    server.script("/quote", Answer.of(503), Answer.of(503), Answer.of(200));
    Observation request = Observation.start("http.server.requests", observations);

    String quote =
        quotes
            .quote(server.uri("/quote"))
            .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request))
            .block(Duration.ofSeconds(10));
    request.stop();

    assertThat(quote).isEqualTo("status 200");
    List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
    SimpleSpan requestSpan = named(spans, "http.server.requests").get(0);
    List<SimpleSpan> calls = named(spans, "backon quotes");
    assertThat(calls)
        .singleElement()
        .satisfies(call -> assertThat(call.getParentId()).isEqualTo(requestSpan.getSpanId()));
    List<SimpleSpan> attempts = named(spans, "backon quotes attempt");
    assertThat(attempts)
        .hasSize(3)
        .allSatisfy(
            attempt -> assertThat(attempt.getParentId()).isEqualTo(calls.get(0).getSpanId()));
    assertThat(named(spans, "http get"))
        .extracting(SimpleSpan::getParentId)
        .containsExactlyInAnyOrderElementsOf(attempts.stream().map(SimpleSpan::getSpanId).toList());
  }

  private static List<SimpleSpan> named(List<SimpleSpan> spans, String name) {
    return spans.stream().filter(span -> span.getName().equals(name)).toList();
  }

  /** Quotes from a host, with WebClient built from Boot's builder. */
  static class Quotes {
    private final WebClient client;

    Quotes(WebClient.Builder builder) {
      this.client = builder.build();
    }

    @Backon("quotes")
    public Mono<String> quote(URI uri) {
      return client.get().uri(uri).retrieve().bodyToMono(String.class);
    }
  }

  /** The user's app: Boot's auto-configuration, a tracer keeping its spans in memory. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    SimpleTracer tracer() {
      return new SimpleTracer();
    }

    @Bean
    Quotes quotes(WebClient.Builder builder) {
      return new Quotes(builder);
    }
  }
}

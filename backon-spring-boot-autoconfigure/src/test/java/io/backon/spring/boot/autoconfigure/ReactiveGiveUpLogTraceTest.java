package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.backon.Backon;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * With a tracing bridge, Spring Boot's log pattern shows the trace and span ids of the span current
 * on the thread that logs (the bridge copies them into the MDC). A {@code @Backon} method returning
 * {@code Mono} or {@code Flux} gives up on whatever thread the last attempt's failure arrived,
 * where a WebFlux request's span is not current (Boot's default Reactor context propagation leaves
 * the request's observation in the Context): the give-up line still carries the request's trace, as
 * a blocking method's does.
 */
@SpringBootTest(
    classes = ReactiveGiveUpLogTraceTest.App.class,
    properties = {
      "backon.policies.lookup.max-tries=2",
      "backon.policies.lookup.wait=constant",
      "backon.policies.lookup.delay=5ms",
      "backon.policies.lookup.jitter=full"
    })
class ReactiveGiveUpLogTraceTest {

  @Autowired Lookup lookup;
  @Autowired SimpleTracer tracer;
  @Autowired ObservationRegistry observations;

  private final TraceOfEachLine log = new TraceOfEachLine();

  @BeforeEach
  void captureTheRetryLogger() {
    log.tracer = tracer;
    log.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    log.start();
    retryLogger().addAppender(log);
  }

  @AfterEach
  void detach() {
    retryLogger().detachAppender(log);
  }

  @Test
  void aMonoGiveUpIsLoggedInTheTraceOfTheRequestInItsContext() {
    Observation request = Observation.start("http.server.requests", observations);

    Mono<String> call =
        lookup
            .mono("a")
            .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request));

    assertThat(call.onErrorResume(IOException.class, e -> Mono.just("failed")).block())
        .isEqualTo("failed");
    request.stop();
    assertThat(log.traceOf).containsEntry("Lookup.mono(String)", traceIdOfTheRequest());
  }

  @Test
  void aFluxGiveUpIsLoggedInTheTraceOfTheRequestInItsContext() {
    Observation request = Observation.start("http.server.requests", observations);

    Flux<String> call =
        lookup
            .flux("a")
            .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request));

    assertThat(
            call.onErrorResume(IOException.class, e -> Mono.just("failed")).collectList().block())
        .containsExactly("failed");
    request.stop();
    assertThat(log.traceOf).containsEntry("Lookup.flux(String)", traceIdOfTheRequest());
  }

  /** The trace of the request just stopped: the last such span the tracer finished. */
  private String traceIdOfTheRequest() {
    return tracer.getSpans().stream()
        .filter(span -> span.getName().equals("http.server.requests"))
        .reduce((first, second) -> second)
        .orElseThrow()
        .getTraceId();
  }

  private static Logger retryLogger() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.backon.retry");
  }

  /** Records, per target, the trace id current on the thread that logged its give-up. */
  static final class TraceOfEachLine extends AppenderBase<ILoggingEvent> {
    volatile SimpleTracer tracer;
    final Map<String, String> traceOf = new ConcurrentHashMap<>();

    @Override
    protected void append(ILoggingEvent event) {
      String message = event.getFormattedMessage();
      for (String target : List.of("Lookup.mono(String)", "Lookup.flux(String)")) {
        if (message.startsWith("Giving up on " + target)) {
          Span current = tracer.currentSpan();
          traceOf.put(target, current == null ? "none" : current.context().traceId());
        }
      }
    }
  }

  /** A lookup whose downstream is down; its failures arrive on another thread. */
  static class Lookup {
    @Backon("lookup")
    public Mono<String> mono(String key) {
      return Mono.<String>error(new IOException("down")).subscribeOn(Schedulers.single());
    }

    @Backon("lookup")
    public Flux<String> flux(String key) {
      return Flux.<String>error(new IOException("down")).subscribeOn(Schedulers.single());
    }
  }

  /** The user's app: Boot's auto-configuration and a tracer keeping its spans in memory. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    SimpleTracer tracer() {
      return new SimpleTracer();
    }

    @Bean
    Lookup lookup() {
      return new Lookup();
    }
  }
}

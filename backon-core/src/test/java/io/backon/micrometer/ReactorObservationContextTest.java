package io.backon.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.reactor.BackonReactor;
import io.backon.wait.Wait;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reactive code keeps its current observation in the Reactor {@code Context}, not on the thread:
 * WebFlux puts the server request's observation there and {@code WebClient} takes its parent from
 * there. A retried publisher's call observation is a child of the one in its subscriber's Context,
 * and the source of each attempt finds the attempt's observation in its own Context, so what the
 * target observes (its {@code WebClient} exchange) nests under the attempt. An attempt's outcome is
 * settled with the subscriber's observation current, whatever thread it arrives on, so listeners
 * and log lines run in the caller's trace.
 */
class ReactorObservationContextTest extends MetricsFixture {

  private final TestObservationRegistry observations = TestObservationRegistry.create();
  private final BackonMicrometer instrumentation = BackonMicrometer.of(observations);
  private final List<Object> foundInContext = new CopyOnWriteArrayList<>();

  @Test
  void aMonoCallIsAChildOfTheObservationInItsSubscribersContext() {
    Observation request = Observation.start("http.server.requests", observations);

    Mono.fromCallable(() -> flaky(1))
        .transform(BackonReactor.retry(observed()))
        .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request))
        .block(Duration.ofSeconds(10));
    request.stop();

    assertThat(observations)
        .hasObservationWithNameEqualTo("backon.call")
        .that()
        .hasParentObservationEqualTo(request);
  }

  @Test
  void aFluxCallIsAChildOfTheObservationInItsSubscribersContext() {
    Observation request = Observation.start("http.server.requests", observations);

    Flux.defer(() -> Mono.fromCallable(() -> flaky(1)))
        .transform(BackonReactor.retry(observed()))
        .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request))
        .blockLast(Duration.ofSeconds(10));
    request.stop();

    assertThat(observations)
        .hasObservationWithNameEqualTo("backon.call")
        .that()
        .hasParentObservationEqualTo(request);
  }

  @Test
  void eachAttemptsSourceFindsTheAttemptsObservationInItsContext() {
    Observation request = Observation.start("http.server.requests", observations);

    Mono.deferContextual(
            context -> {
              Observation current = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
              foundInContext.add(current == null ? "none" : current.getContextView());
              return Mono.fromCallable(() -> flaky(1));
            })
        .transform(BackonReactor.retry(observed()))
        .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request))
        .block(Duration.ofSeconds(10));
    request.stop();

    assertThat(foundInContext)
        .hasSize(2)
        .allSatisfy(found -> assertThat(found).isInstanceOf(BackonAttemptContext.class))
        .extracting(found -> ((BackonAttemptContext) found).attemptNumber())
        .containsExactly(1, 2);
  }

  @Test
  void withMetersOnlyTheSourceFindsTheSubscribersObservationUntouched() {
    Observation request = Observation.start("http.server.requests", observations);

    Mono.deferContextual(
            context -> {
              foundInContext.add(context.getOrDefault(ObservationThreadLocalAccessor.KEY, "none"));
              return Mono.fromCallable(() -> flaky(1));
            })
        .transform(
            BackonReactor.retry(
                policy()
                    .wait(Wait.none())
                    .instrumentation(BackonMicrometer.of(new SimpleMeterRegistry()))
                    .build()))
        .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request))
        .block(Duration.ofSeconds(10));
    request.stop();

    assertThat(foundInContext).containsExactly(request, request);
  }

  @Test
  void listenersOfAnAttemptEndingOnAnotherThreadRunInTheSubscribersObservation() {
    Observation request = Observation.start("http.server.requests", observations);
    RetryPolicy policy =
        policy()
            .wait(Wait.none())
            .maxTries(2)
            .instrumentation(instrumentation)
            .onBackoff(event -> foundInContext.add(currentOrNone()))
            .onGiveUp(event -> foundInContext.add(currentOrNone()))
            .build();

    Mono.<String>error(new IOException("down"))
        .subscribeOn(Schedulers.single())
        .transform(BackonReactor.retry(policy))
        .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request))
        .onErrorResume(IOException.class, failure -> Mono.just("failed"))
        .block(Duration.ofSeconds(10));
    request.stop();

    assertThat(foundInContext).containsExactly(request, request);
  }

  private Object currentOrNone() {
    Observation current = observations.getCurrentObservation();
    return current == null ? "none" : current;
  }

  private RetryPolicy observed() {
    return policy().wait(Wait.none()).instrumentation(instrumentation).build();
  }
}

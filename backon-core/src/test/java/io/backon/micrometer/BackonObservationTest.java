package io.backon.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.hedge.HedgeOutcome;
import io.backon.hedge.HedgingPolicy;
import io.backon.reactor.BackonReactor;
import io.backon.wait.Wait;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The call and attempt observations, checked with Micrometer's TestObservationRegistry (which also
 * validates the lifecycle: start before stop, errors and events before stop, scopes closed in order
 * on their own thread).
 */
class BackonObservationTest extends MetricsFixture {

  private final TestObservationRegistry observations = TestObservationRegistry.create();
  private final BackonMicrometer instrumentation = BackonMicrometer.of(observations);

  /** The context of the observation current on the thread running each attempt. */
  private final List<Observation.ContextView> inScope = new CopyOnWriteArrayList<>();

  private String flakyInScope(int failures) throws IOException {
    Observation current = observations.getCurrentObservation();
    if (current != null) {
      inScope.add(current.getContextView());
    }
    return flaky(failures);
  }

  @Test
  void aCallIsAnObservationWithOneChildObservationPerAttempt() throws Exception {
    Retrying.of(policy().instrumentation(instrumentation).build()).call(() -> flakyInScope(1));

    assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo("backon.call", 1)
        .hasNumberOfObservationsWithNameEqualTo("backon.attempt", 2)
        .hasObservationWithNameEqualTo("backon.call")
        .that()
        .hasContextualNameEqualTo("backon payments")
        .hasLowCardinalityKeyValue("backon.policy", "payments")
        .hasLowCardinalityKeyValue("outcome", "success_with_retry")
        .hasLowCardinalityKeyValue("exception", "none")
        .hasHighCardinalityKeyValue("backon.attempts", "2")
        .doesNotHaveError()
        .hasBeenStarted()
        .hasBeenStopped();
    assertThat(observations)
        .forAllObservationsWithNameEqualTo(
            "backon.attempt",
            attempt ->
                attempt
                    .hasContextualNameEqualTo("backon payments attempt")
                    .hasLowCardinalityKeyValue("backon.policy", "payments")
                    .hasParentObservationContextMatching(
                        parent -> parent instanceof BackonCallContext));
    assertThat(observations)
        .hasAnObservation(
            attempt ->
                attempt
                    .hasNameEqualTo("backon.attempt")
                    .hasHighCardinalityKeyValue("backon.attempt", "1")
                    .hasLowCardinalityKeyValue("outcome", "failure")
                    .hasLowCardinalityKeyValue("exception", "IOException")
                    .hasError());
    assertThat(observations)
        .hasAnObservation(
            attempt ->
                attempt
                    .hasNameEqualTo("backon.attempt")
                    .hasHighCardinalityKeyValue("backon.attempt", "2")
                    .hasLowCardinalityKeyValue("outcome", "success")
                    .doesNotHaveError());
  }

  @Test
  void eachAttemptsObservationIsCurrentWhileItsTargetRuns() throws Exception {
    Retrying.of(policy().instrumentation(instrumentation).build()).call(() -> flakyInScope(1));

    assertThat(inScope)
        .hasSize(2)
        .allSatisfy(context -> assertThat(context).isInstanceOf(BackonAttemptContext.class));
    assertThat(inScope)
        .extracting(c -> ((BackonAttemptContext) c).attemptNumber())
        .containsExactly(1, 2);
    assertThat(observations.getCurrentObservation()).isNull();
  }

  @Test
  void theCallIsAChildOfTheObservationCurrentWhenItStarts() throws Exception {
    Observation request = Observation.start("http.server.requests", observations);
    try (Observation.Scope scope = request.openScope()) {
      Retrying.of(policy().instrumentation(instrumentation).build()).call(() -> flaky(0));
    }
    request.stop();

    assertThat(observations)
        .hasObservationWithNameEqualTo("backon.call")
        .that()
        .hasParentObservationEqualTo(request);
  }

  @Test
  void eachAttemptStartsWhileItsCallIsCurrentSoTracersFollowingTheThreadNestItToo()
      throws Exception {
    List<Observation.ContextView> currentAtAttemptStart = new CopyOnWriteArrayList<>();
    observations
        .observationConfig()
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public void onStart(Observation.Context context) {
                Observation current = observations.getCurrentObservation();
                if (context instanceof BackonAttemptContext && current != null) {
                  currentAtAttemptStart.add(current.getContextView());
                }
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });
    Observation request = Observation.start("http.server.requests", observations);
    try (Observation.Scope scope = request.openScope()) {
      Retrying.of(policy().instrumentation(instrumentation).build()).call(() -> flaky(1));
      assertThat(observations.getCurrentObservation()).isSameAs(request);
    }
    request.stop();

    // Micrometer Tracing parents a span on the thread's current span over the parent observation's
    assertThat(currentAtAttemptStart)
        .hasSize(2)
        .allSatisfy(current -> assertThat(current).isInstanceOf(BackonCallContext.class));
  }

  @Test
  void aFailedCallCarriesItsErrorAndAFallbackDoesNot() throws Exception {
    Retrying failing = Retrying.of(policy().maxTries(1).instrumentation(instrumentation).build());
    assertThatThrownBy(() -> failing.call(() -> flaky(5))).isInstanceOf(IOException.class);
    Retrying falling =
        Retrying.of(
            policy().maxTries(1).fallback(e -> "cached").instrumentation(instrumentation).build());
    falling.call(() -> flaky(5));

    assertThat(observations)
        .hasAnObservation(
            call ->
                call.hasNameEqualTo("backon.call")
                    .hasLowCardinalityKeyValue("outcome", "failure_without_retry")
                    .hasLowCardinalityKeyValue("exception", "IOException")
                    .hasError());
    assertThat(observations)
        .hasAnObservation(
            call ->
                call.hasNameEqualTo("backon.call")
                    .hasLowCardinalityKeyValue("outcome", "fallback")
                    .hasLowCardinalityKeyValue("exception", "IOException")
                    .doesNotHaveError());
  }

  @Test
  void aBlockingTargetOfSupplyAsyncRunsInItsAttemptsObservation() {
    CompletableFuture<String> result =
        Retrying.of(policy().executor(Runnable::run).instrumentation(instrumentation).build())
            .supplyAsync(() -> flakyInScope(0));

    assertThat(result).isCompletedWithValue("ok");
    assertThat(inScope).singleElement().isInstanceOf(BackonAttemptContext.class);
    assertThat(observations)
        .hasObservationWithNameEqualTo("backon.call")
        .that()
        .hasLowCardinalityKeyValue("outcome", "success_without_retry");
  }

  @Test
  void aMonoAttemptIsSubscribedInsideItsObservation() {
    Mono<String> source = Mono.fromCallable(() -> flakyInScope(1));

    String value =
        source
            .transform(
                BackonReactor.retry(
                    policy().wait(Wait.none()).instrumentation(instrumentation).build()))
            .block(Duration.ofSeconds(10));

    assertThat(value).isEqualTo("ok");
    assertThat(inScope)
        .hasSize(2)
        .allSatisfy(context -> assertThat(context).isInstanceOf(BackonAttemptContext.class));
    assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo("backon.attempt", 2)
        .hasObservationWithNameEqualTo("backon.call")
        .that()
        .hasLowCardinalityKeyValue("outcome", "success_with_retry");
  }

  @Test
  void aHedgedAttemptRecordsHowItsRaceEndedAsASpanOnlyKey() throws Exception {
    HedgingPolicy hedging = HedgingPolicy.builder().maxHedges(2).executor(Runnable::run).build();

    Retrying.of(policy().hedging(hedging).instrumentation(instrumentation).build())
        .call(() -> flakyInScope(1));

    assertThat(observations)
        .hasObservationWithNameEqualTo("backon.attempt")
        .that()
        .hasHighCardinalityKeyValue("backon.hedge", "hedge_won")
        .doesNotHaveLowCardinalityKeyValueWithKey("backon.hedge")
        .doesNotHaveEvent("backon.hedge.hedge_won");
    assertThat(inScope)
        .as("both copies ran in the attempt's observation")
        .hasSize(2)
        .allSatisfy(context -> assertThat(context).isInstanceOf(BackonAttemptContext.class));
    assertThat(observations)
        .hasHandledContextsThatSatisfy(
            contexts ->
                assertThat(contexts)
                    .filteredOn(BackonAttemptContext.class::isInstance)
                    .singleElement()
                    .extracting(c -> ((BackonAttemptContext) c).hedgeOutcome())
                    .isEqualTo(HedgeOutcome.HEDGE_WON));
  }

  @Test
  void customConventionsRenameAndRetagTheObservations() throws Exception {
    BackonMicrometer custom =
        BackonMicrometer.builder()
            .observationRegistry(observations)
            .callConvention(
                new DefaultBackonCallObservationConvention() {
                  @Override
                  public KeyValues getLowCardinalityKeyValues(BackonCallContext context) {
                    return super.getLowCardinalityKeyValues(context).and("team", "checkout");
                  }
                })
            .attemptConvention(
                new DefaultBackonAttemptObservationConvention() {
                  @Override
                  public String getName() {
                    return "checkout.attempt";
                  }
                })
            .build();

    Retrying.of(policy().instrumentation(custom).build()).call(() -> flaky(0));

    assertThat(observations)
        .hasObservationWithNameEqualTo("backon.call")
        .that()
        .hasLowCardinalityKeyValue("team", "checkout");
    assertThat(observations).hasObservationWithNameEqualTo("checkout.attempt");
  }

  @Test
  void metersAndObservationsCanBeRecordedTogether() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    Retrying.of(policy().instrumentation(BackonMicrometer.of(meters, observations)).build())
        .call(() -> flaky(0));

    assertThat(observations).hasObservationWithNameEqualTo("backon.call");
    assertThat(meters.get("backon.calls").tag("outcome", "success_without_retry").timer().count())
        .isEqualTo(1);
    assertThat(meters.get("backon.attempts").tag("outcome", "success").counter().count())
        .isEqualTo(1);
  }

  @Test
  void theObservationContextsNameTheTargetForCustomConventions() throws Exception {
    List<String> targets = new CopyOnWriteArrayList<>();
    observations
        .observationConfig()
        .observationHandler(
            new ObservationHandler<Observation.Context>() {
              @Override
              public void onStart(Observation.Context context) {
                if (context instanceof BackonCallContext call) {
                  targets.add("call " + call.targetName());
                } else if (context instanceof BackonAttemptContext attempt) {
                  targets.add("attempt " + attempt.targetName());
                }
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });

    Retrying.of(policy().instrumentation(instrumentation).build()).call(() -> flaky(0));

    String lambda = BackonObservationTest.class.getName() + " (lambda)";
    assertThat(targets).containsExactly("call " + lambda, "attempt " + lambda);
  }

  @Test
  void anObservationOnlyInstrumentationHasNoMetersToBind() {
    assertThatThrownBy(() -> instrumentation.bindTo(CircuitBreaker.ofDefaults("b")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no MeterRegistry");
    assertThatThrownBy(() -> BackonMicrometer.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("neither was set");
  }
}
